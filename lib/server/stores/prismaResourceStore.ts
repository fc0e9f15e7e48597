import type { PrismaClient } from "@/generated/prisma/client";
import type { ResourceRecord, ResourceStore } from "@/lib/oauth/ports";
import { MANAGEMENT_API_SERVER_ID, MANAGEMENT_SCOPES, managementApiResource } from "../servers/managementApiResource";
import { resourceUriOf } from "../servers/resourceUriOf";

/**
 * The org's MCP servers as protected resources. An org has a handful of servers, so all are read
 * and matched on their canonical identifier: gateway identifiers are derived, not stored.
 *
 * Besides them, the org's management API (`{PUBLIC_URL}/orgs/{org}/api/v1`, scopes servers:read
 * and servers:write): a virtual resource with no McpServer row, so that an admin client can get a
 * client-credentials token for it. It is never the default resource, and it is
 * `clientCredentialsOnly`, so the authorization endpoint refuses it: its `serverId` is a stand-in
 * (MANAGEMENT_API_SERVER_ID) that never reaches a grant's foreign key.
 */
export function prismaResourceStore(prisma: PrismaClient, publicUrl: string): ResourceStore {
  async function list(orgId: string) {
    const org = await prisma.org.findUnique({
      where: { id: orgId },
      select: { slug: true, defaultServerId: true, servers: { include: { scopes: { orderBy: { name: "asc" } } } } },
    });
    if (!org) return { slug: null, defaultServerId: null, resources: [] as ResourceRecord[] };
    return {
      slug: org.slug,
      defaultServerId: org.defaultServerId,
      resources: org.servers.map((s) => ({
        serverId: s.id,
        resource: resourceUriOf(s, org, publicUrl),
        scopes: s.scopes.map((sc) => ({ name: sc.name, isDefault: sc.isDefault })),
      })),
    };
  }
  return {
    async findByResource(orgId, resource) {
      const { slug, resources } = await list(orgId);
      if (slug !== null && resource === managementApiResource(publicUrl, slug)) {
        return { serverId: MANAGEMENT_API_SERVER_ID, resource, scopes: MANAGEMENT_SCOPES.map(({ name, isDefault }) => ({ name, isDefault })), clientCredentialsOnly: true };
      }
      return resources.find((r) => r.resource === resource) ?? null;
    },
    async findDefault(orgId) {
      const { defaultServerId, resources } = await list(orgId);
      return resources.find((r) => r.serverId === defaultServerId) ?? null;
    },
  };
}
