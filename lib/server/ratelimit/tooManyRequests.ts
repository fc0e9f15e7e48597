import { jsonResponse } from "../http/jsonResponse";

/**
 * The answer once a limit is reached: HTTP 429 with Retry-After (RFC 6585 §4, RFC 9110 §10.2.3).
 *
 * The body's `error` must be a code clients know. RFC 6749 §5.2 and RFC 7591 §3.2.2 define none
 * for rate limiting; `slow_down` belongs to device-flow polling (RFC 8628) and `too_many_requests`
 * is no registered code. We use `temporarily_unavailable` (RFC 6749 §4.1.2.1, in the IANA OAuth
 * error registry): "unable to handle the request due to a temporary overloading", which is what the
 * client should understand: retry later, nothing is wrong with its credentials. The codes that
 * would also fit the letter of §5.2 are harmful in practice: `invalid_client` and `invalid_grant`
 * make clients such as the MCP SDK throw away their registration or their tokens (and then
 * register again, feeding the limit), and `invalid_request` says the request itself is malformed.
 * The status, 429, is what generic HTTP clients and proxies act on.
 */
export function tooManyRequests(retryAfterSec: number, description: string): Response {
  return jsonResponse(
    { error: "temporarily_unavailable", error_description: `${description}; retry after ${retryAfterSec} seconds` },
    { status: 429, headers: { "retry-after": String(retryAfterSec), pragma: "no-cache" } },
  );
}
