import { getDatabase } from "../db/getDatabase";

export interface MyGrantRow {
  id: string;
  client: { clientId: string; name: string | null; source: string };
  server: { name: string } | null;
  resource: string;
  scopes: string[];
  createdAt: Date;
  updatedAt: Date;
}

/** The user's own standing connections in the org ("My connections"). */
export async function listMyGrants(orgId: string, userId: string): Promise<MyGrantRow[]> {
  const { prisma } = await getDatabase();
  return prisma.grant.findMany({
    where: { orgId, userId, revokedAt: null },
    orderBy: [{ updatedAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      resource: true,
      scopes: true,
      createdAt: true,
      updatedAt: true,
      client: { select: { clientId: true, name: true, source: true } },
      server: { select: { name: true } },
    },
  });
}
