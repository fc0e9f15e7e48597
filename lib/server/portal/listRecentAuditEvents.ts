import { getDatabase } from "../db/getDatabase";

/** The org's latest audit events, for the overview. */
export async function listRecentAuditEvents(orgId: string, take = 10) {
  const { prisma } = await getDatabase();
  return prisma.auditEvent.findMany({
    where: { orgId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take,
    select: { id: true, at: true, kind: true, actorType: true, actorLabel: true, actorId: true, clientId: true },
  });
}
