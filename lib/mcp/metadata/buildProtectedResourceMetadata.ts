/** RFC 9728 §2 protected resource metadata, the fields Gatehouse publishes. */
export interface ProtectedResourceMetadata {
  resource: string;
  authorization_servers: string[];
  scopes_supported: string[];
  bearer_methods_supported: ["header"];
  resource_name: string;
  resource_documentation?: string;
}

export interface ProtectedResourceMetadataInput {
  /** The resource identifier, canonical; the document's `resource` is exactly this (RFC 9728 §3.3). */
  resource: string;
  /** The org's issuer identifier (not a metadata URL): `authorization_servers` (RFC 9728 §2). */
  issuer: string;
  scopes: readonly string[];
  name: string;
  documentation?: string;
}

/**
 * The metadata document of one protected resource (RFC 9728 §2, MCP authorization spec):
 * - `resource`: exactly the identifier tokens carry as `aud`, which a client compares with the
 *   URL it used (RFC 9728 §3.3);
 * - `authorization_servers`: the one issuer of the org;
 * - `scopes_supported`: the resource's scopes, never `offline_access` (a refresh-token scope of the
 *   authorization server, not a permission on the resource; MCP 2025-11-25 §Scope Selection);
 * - `bearer_methods_supported`: only the Authorization header (RFC 6750 §2.1; the MCP spec forbids
 *   tokens in the query string, and form bodies are not JSON-RPC);
 * - `resource_name`: for people (consent screens, client UIs).
 *
 * Not published: `jwks_uri` (the resource signs nothing), DPoP and mTLS fields (not supported).
 */
export function buildProtectedResourceMetadata(input: ProtectedResourceMetadataInput): ProtectedResourceMetadata {
  return {
    resource: input.resource,
    authorization_servers: [input.issuer],
    scopes_supported: [...new Set(input.scopes)].filter((scope) => scope !== "offline_access"),
    bearer_methods_supported: ["header"],
    resource_name: input.name,
    ...(input.documentation ? { resource_documentation: input.documentation } : {}),
  };
}
