import { getDatabase } from "../db/getDatabase";

export interface OrgCounts {
  servers: number;
  clients: number;
  activeGrants: number;
  members: number;
}

/** The overview's numbers; a grant is active until revoked. */
export async function getOrgCounts(orgId: string): Promise<OrgCounts> {
  const { prisma } = await getDatabase();
  const [servers, clients, activeGrants, members] = await Promise.all([
    prisma.mcpServer.count({ where: { orgId } }),
    prisma.client.count({ where: { orgId } }),
    prisma.grant.count({ where: { orgId, revokedAt: null } }),
    prisma.membership.count({ where: { orgId } }),
  ]);
  return { servers, clients, activeGrants, members };
}
