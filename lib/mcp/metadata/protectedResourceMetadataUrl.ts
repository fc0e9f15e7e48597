const WELL_KNOWN = "/.well-known/oauth-protected-resource";

/**
 * RFC 9728 §3.1: the metadata URL of a resource identifier, formed by inserting
 * `/.well-known/oauth-protected-resource` between the host and the path (and keeping the query).
 * `https://h/mcp/acme/demo` -> `https://h/.well-known/oauth-protected-resource/mcp/acme/demo`.
 * This is the URL MCP clients compute when a 401 names none.
 */
export function protectedResourceMetadataUrl(resource: string): string {
  const url = new URL(resource);
  const path = url.pathname === "/" ? "" : url.pathname;
  return `${url.origin}${WELL_KNOWN}${path}${url.search}`;
}
