import { getDatabase } from "../db/getDatabase";

/** The choices of the audit log's filter: the kinds seen in the org, its servers and clients. */
export async function listAuditFilterOptions(orgId: string) {
  const { prisma } = await getDatabase();
  const [kinds, servers, clients] = await Promise.all([
    prisma.auditEvent.groupBy({ by: ["kind"], where: { orgId }, orderBy: { kind: "asc" } }),
    prisma.mcpServer.findMany({ where: { orgId }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    prisma.client.findMany({ where: { orgId }, orderBy: { createdAt: "desc" }, select: { clientId: true, name: true } }),
  ]);
  return { kinds: kinds.map((k) => k.kind), servers, clients };
}
