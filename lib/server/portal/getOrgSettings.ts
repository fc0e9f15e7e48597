import { getDatabase } from "../db/getDatabase";

/** The org's protocol settings and the servers its default resource can be chosen from. */
export async function getOrgSettings(orgId: string) {
  const { prisma } = await getDatabase();
  const [org, servers] = await Promise.all([
    prisma.org.findUniqueOrThrow({
      where: { id: orgId },
      select: { openRegistration: true, cimdPolicy: true, cimdAllowedHosts: true, authorizePolicy: true, accessTokenTtlSec: true, refreshTokenTtlSec: true, defaultServerId: true },
    }),
    prisma.mcpServer.findMany({ where: { orgId }, orderBy: { name: "asc" }, select: { id: true, name: true, slug: true } }),
  ]);
  return { settings: org, servers };
}
