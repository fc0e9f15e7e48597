import type { AccessContext } from "../access/authenticateAccessToken";

/** Client request headers the upstream gets (Streamable HTTP needs these); nothing else passes. */
const FORWARDED_REQUEST_HEADERS = ["accept", "content-type", "mcp-session-id", "mcp-protocol-version", "last-event-id", "user-agent"];

/** Upstream response headers the client gets. */
const RETURNED_RESPONSE_HEADERS = ["content-type", "mcp-session-id", "mcp-protocol-version", "cache-control", "retry-after", "allow"];

/** The headers naming the caller, set by the gateway only (a client's own are never forwarded). */
export const IDENTITY_HEADERS = {
  subject: "x-gatehouse-subject",
  clientId: "x-gatehouse-client-id",
  scopes: "x-gatehouse-scopes",
} as const;

/**
 * What the upstream MCP server receives: an allow-list of the client's headers (the session, the
 * protocol version, the SSE resumption cursor, content negotiation) plus headers naming the caller
 * as the gateway verified it: X-Gatehouse-Subject (`sub`: the user id, or the client_id of a
 * client-credentials token), X-Gatehouse-Client-Id, X-Gatehouse-Scopes (space-separated).
 *
 * Never forwarded: Authorization (the MCP spec forbids token passthrough: the upstream gets the
 * admin's static credential, added by the upstream adapter, or nothing), cookies, a client's own
 * X-Gatehouse-* headers, hop-by-hop and forwarding headers, and anything not listed.
 */
export function upstreamRequestHeaders(incoming: Headers, caller: AccessContext): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const name of FORWARDED_REQUEST_HEADERS) {
    const value = incoming.get(name);
    if (value !== null) headers[name] = value;
  }
  headers[IDENTITY_HEADERS.subject] = caller.subject;
  headers[IDENTITY_HEADERS.clientId] = caller.clientId;
  headers[IDENTITY_HEADERS.scopes] = caller.scopes.join(" ");
  return headers;
}

/**
 * What the client receives from the upstream's answer: an allow-list. Dropped in particular:
 * WWW-Authenticate (the gateway's challenge is the only one a client may see, or it would try to
 * authorize against the upstream's idea of an authorization server), Set-Cookie, Content-Length and
 * Content-Encoding (the body is decoded, and may be rewritten), CORS headers (the gateway sets its
 * own). `Cache-Control` defaults to `no-store`.
 */
export function upstreamResponseHeaders(upstream: { get(name: string): string | null }): Record<string, string> {
  const headers: Record<string, string> = { "cache-control": "no-store" };
  for (const name of RETURNED_RESPONSE_HEADERS) {
    const value = upstream.get(name);
    if (value !== null) headers[name] = value;
  }
  return headers;
}
