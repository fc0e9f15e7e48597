import { getDatabase } from "../db/getDatabase";

/** What the grants page can be narrowed to: the org's clients, the people holding grants, its servers. */
export async function listGrantFilterOptions(orgId: string) {
  const { prisma } = await getDatabase();
  const [clients, users, servers] = await Promise.all([
    prisma.client.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, select: { id: true, clientId: true, name: true } }),
    prisma.user.findMany({ where: { grants: { some: { orgId, revokedAt: null } } }, orderBy: { email: "asc" }, select: { id: true, email: true } }),
    prisma.mcpServer.findMany({ where: { orgId }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } }),
  ]);
  return { clients, users, servers };
}
