import type { OAuthErrorCode } from "../errors/OAuthError";

export type AuthorizationResponseParameters =
  | { code: string; state?: string; iss: string }
  | { error: OAuthErrorCode; error_description?: string; state?: string; iss: string };

/**
 * The URL the user agent is sent to at the end of the authorization step (RFC 6749 §4.1.2 success,
 * §4.1.2.1 error), query response mode.
 *
 * - RFC 9207 §2: `iss` is always added, so a client talking to several servers can detect mix-up.
 * - RFC 6749 §4.1.2: `state` is echoed exactly when the client sent one.
 * - RFC 6749 §3.1.2: the redirect URI's own query "MUST be retained": parameters are appended
 *   after it, byte for byte; the existing query is never re-encoded.
 *
 * Only call this with a redirect URI already matched against the client's registration
 * (validateAuthorizationRequest reports `display: "redirect"` only then). Not checked here: that
 * the registered query does not itself carry `code` or `state`.
 */
export function buildAuthorizationResponseUrl(redirectUri: string, parameters: AuthorizationResponseParameters): string {
  const query = new URLSearchParams();
  if ("code" in parameters) {
    query.append("code", parameters.code);
  } else {
    query.append("error", parameters.error);
    if (parameters.error_description) query.append("error_description", parameters.error_description);
  }
  if (parameters.state !== undefined) query.append("state", parameters.state);
  query.append("iss", parameters.iss);

  const separator = !redirectUri.includes("?") ? "?" : /[?&]$/.test(redirectUri) ? "" : "&";
  return `${redirectUri}${separator}${query.toString()}`;
}
