import type { PrismaClient } from "@/generated/prisma/client";
import type { ResourceRecord, ResourceStore } from "@/lib/oauth/ports";
import { resourceUriOf } from "../servers/resourceUriOf";

/**
 * The org's MCP servers as protected resources. An org has a handful of servers, so all are read
 * and matched on their canonical identifier: gateway identifiers are derived, not stored.
 */
export function prismaResourceStore(prisma: PrismaClient, publicUrl: string): ResourceStore {
  async function list(orgId: string) {
    const org = await prisma.org.findUnique({
      where: { id: orgId },
      select: { slug: true, defaultServerId: true, servers: { include: { scopes: { orderBy: { name: "asc" } } } } },
    });
    if (!org) return { defaultServerId: null, resources: [] as (ResourceRecord & { serverId: string })[] };
    return {
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
      return (await list(orgId)).resources.find((r) => r.resource === resource) ?? null;
    },
    async findDefault(orgId) {
      const { defaultServerId, resources } = await list(orgId);
      return resources.find((r) => r.serverId === defaultServerId) ?? null;
    },
  };
}
