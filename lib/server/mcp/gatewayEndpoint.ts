import { randomUUID } from "node:crypto";
import { isGatewayError } from "@/lib/mcp/jsonrpc/GatewayError";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { CORS_HEADERS } from "../http/corsHeaders";
import { isDatabaseUnavailable } from "../http/isDatabaseUnavailable";
import { jsonResponse } from "../http/jsonResponse";
import type { Endpoint } from "../http/oauthEndpoint";

/**
 * The one boundary of the `/mcp/{org}/{server}` gateway (oauthEndpoint's sibling: MCP clients get
 * JSON-RPC errors where the failure is about messages or the upstream):
 * - OAuthError (no or bad token, insufficient scope, unknown server): its status, the RFC 6750
 *   challenge in WWW-Authenticate, and an RFC 6749 §5.2 body;
 * - GatewayError (malformed JSON-RPC, body too large, upstream down or slow): its status and a
 *   JSON-RPC error body echoing the request ids; the cause is logged for 5xx;
 * - the database unreachable: 503 with Retry-After and a JSON-RPC error;
 * - anything else: 500 with a JSON-RPC internal error carrying a reference the log also has.
 * Every answer carries CORS (WWW-Authenticate and Mcp-Session-Id exposed); errors are `no-store`.
 */
export function gatewayEndpoint<P>(run: Endpoint<P>): Endpoint<P> {
  return async (request, params) => {
    let response: Response;
    try {
      response = await run(request, params);
    } catch (error) {
      response = errorResponse(error, request);
    }
    for (const [name, value] of Object.entries(CORS_HEADERS)) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  };
}

function errorResponse(error: unknown, request: Request): Response {
  const where = `${request.method} ${new URL(request.url).pathname}`;
  if (isOAuthError(error)) {
    return jsonResponse(error.toResponseBody(), { status: error.status, headers: error.wwwAuthenticate ? { "www-authenticate": error.wwwAuthenticate } : {} });
  }
  if (isGatewayError(error)) {
    if (error.status >= 500) console.warn(`[gatehouse] gateway ${where}: ${error.status} ${error.message}: ${describe(error.cause)}`);
    return jsonResponse(error.toResponseBody(), { status: error.status });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[gatehouse] database unavailable: ${describe(error)}`);
    return jsonResponse({ jsonrpc: "2.0", id: null, error: { code: -32603, message: "The service is briefly unavailable; retry in a few seconds." } }, { status: 503, headers: { "retry-after": "5" } });
  }
  const id = randomUUID();
  console.error(`[gatehouse] gateway error ${id} on ${where}`, error);
  return jsonResponse({ jsonrpc: "2.0", id: null, error: { code: -32603, message: `Internal error (reference ${id})` } }, { status: 500 });
}

function describe(cause: unknown): string {
  if (cause instanceof Error) return cause.cause instanceof Error ? `${cause.message} (${cause.cause.message})` : cause.message;
  return String(cause);
}
