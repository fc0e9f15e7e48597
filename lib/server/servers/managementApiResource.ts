import type { ScopeRecord } from "@/lib/oauth/ports";
import { canonicalizeResource } from "@/lib/oauth/resource/canonicalizeResource";

/**
 * The org's management API (`/orgs/{org}/api/v1/mcp/servers...`) as a protected resource of the
 * org's own authorization server: identifier `{PUBLIC_URL}/orgs/{org}/api/v1` (DESIGN.md URL map,
 * "root metadata for the org's management API"), scopes `servers:read` (default) and
 * `servers:write`. It is not an McpServer row: directoryResourceStore adds it, so the token endpoint
 * accepts it as a `resource`; it is never the org's default resource.
 */
export const MANAGEMENT_SCOPES = [
  { name: "servers:read", description: "Read the organization's MCP servers, their scopes and tool map", isDefault: true },
  { name: "servers:write", description: "Create, change and delete the organization's MCP servers", isDefault: false },
] as const satisfies readonly (ScopeRecord & { description: string })[];

export const MANAGEMENT_READ_SCOPE = "servers:read";
export const MANAGEMENT_WRITE_SCOPE = "servers:write";

/** Stands in for a server id in the ResourceRecord of the management API (it has no McpServer row). */
export const MANAGEMENT_API_SERVER_ID = "management-api";

export function managementApiResource(publicUrl: string, orgSlug: string): string {
  return canonicalizeResource(`${publicUrl}/orgs/${orgSlug}/api/v1`);
}

/** Where the management API's RFC 9728 metadata is served (the URL map's form). */
export function managementApiMetadataUrl(publicUrl: string, orgSlug: string): string {
  return `${publicUrl}/orgs/${orgSlug}/api/v1/.well-known/oauth-protected-resource`;
}
