/**
 * Browser-based MCP clients (the MCP Inspector, web apps) call discovery, registration, token,
 * introspection and revocation from another origin. None of these endpoints reads cookies, so a
 * wildcard origin exposes nothing; the challenge header must be readable by scripts (MCP spec).
 */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": "WWW-Authenticate, Mcp-Session-Id, Retry-After",
};

/** The answer to a CORS preflight for these endpoints. */
export function corsPreflight(methods: string): Response {
  return new Response(null, {
    status: 204,
    headers: {
      ...CORS_HEADERS,
      "access-control-allow-methods": `${methods}, OPTIONS`,
      "access-control-allow-headers": "Authorization, Content-Type, Accept, Mcp-Session-Id, MCP-Protocol-Version, Last-Event-ID",
      "access-control-max-age": "86400",
    },
  });
}
