import { getDatabase } from "../db/getDatabase";

export interface GrantFilter {
  clientRowId?: string;
  userId?: string;
  serverId?: string;
}

export interface GrantRow {
  id: string;
  user: { id: string; email: string } | null;
  client: { id: string; clientId: string; name: string | null };
  server: { name: string; slug: string } | null;
  resource: string;
  scopes: string[];
  createdAt: Date;
  updatedAt: Date;
  liveRefreshTokens: number;
}

export const GRANT_LIST_LIMIT = 200;

/**
 * The org's grants that still stand (not revoked), most recently used first, optionally narrowed
 * to one client, user or server. Capped: the filters narrow a long list.
 */
export async function listActiveGrants(orgId: string, filter: GrantFilter = {}, now = new Date()): Promise<GrantRow[]> {
  const { prisma } = await getDatabase();
  const rows = await prisma.grant.findMany({
    where: { orgId, revokedAt: null, clientRowId: filter.clientRowId, userId: filter.userId, serverId: filter.serverId },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    take: GRANT_LIST_LIMIT,
    select: {
      id: true,
      resource: true,
      scopes: true,
      createdAt: true,
      updatedAt: true,
      user: { select: { id: true, email: true } },
      client: { select: { id: true, clientId: true, name: true } },
      server: { select: { name: true, slug: true } },
      _count: { select: { refreshTokens: { where: { revokedAt: null, rotatedAt: null, expiresAt: { gt: now } } } } },
    },
  });
  return rows.map(({ _count, ...row }) => ({ ...row, liveRefreshTokens: _count.refreshTokens }));
}
