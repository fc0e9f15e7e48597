import type { ResourceStore } from "@/lib/oauth/ports";
import type { OrgDirectory } from "../oauth/OrgDirectory";
import { MANAGEMENT_API_SERVER_ID, MANAGEMENT_SCOPES, managementApiResource } from "../servers/managementApiResource";

/**
 * The org's MCP servers as protected resources, from the org's snapshot (OrgDirectory): an org has
 * a handful of servers, matched on their canonical identifier (gateway identifiers are derived,
 * not stored).
 *
 * Besides them, the org's management API (`{PUBLIC_URL}/orgs/{org}/api/v1`, scopes servers:read
 * and servers:write): a virtual resource with no McpServer row, so that an admin client can get a
 * client-credentials token for it. It is never the default resource, and it is
 * `clientCredentialsOnly`, so the authorization endpoint refuses it: its `serverId` is a stand-in
 * (MANAGEMENT_API_SERVER_ID) that never reaches a grant's foreign key.
 */
export function directoryResourceStore(orgs: OrgDirectory, publicUrl: string): ResourceStore {
  return {
    async findByResource(orgId, resource) {
      const snapshot = await orgs.byId(orgId);
      if (!snapshot) return null;
      if (resource === managementApiResource(publicUrl, snapshot.org.slug)) {
        return { serverId: MANAGEMENT_API_SERVER_ID, resource, scopes: MANAGEMENT_SCOPES.map(({ name, isDefault }) => ({ name, isDefault })), clientCredentialsOnly: true };
      }
      return snapshot.resources.find((r) => r.resource === resource) ?? null;
    },
    async findDefault(orgId) {
      const snapshot = await orgs.byId(orgId);
      return snapshot?.resources.find((r) => r.serverId === snapshot.org.defaultServerId) ?? null;
    },
  };
}
