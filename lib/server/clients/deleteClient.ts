import type { PrismaClient } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import { ChangeFeed } from "../cache/ChangeFeed";

/**
 * An admin deletes a client of the org. Its grants, codes and refresh tokens go with it (cascade);
 * its access tokens then name a grant that no longer exists, which introspection and the gateway
 * treat as revoked. The audit trail keeps its client_id.
 */
export async function deleteClient(prisma: PrismaClient, input: { orgId: string; clientRowId: string; actor: { id: string; email: string } }) {
  const client = await prisma.client.findFirst({ where: { id: input.clientRowId, orgId: input.orgId }, select: { id: true, clientId: true, name: true, source: true } });
  if (!client) throw new UseCaseError("not_found", "This client does not exist in this organization.");
  // The client's grants go with it (ON DELETE CASCADE): they are announced too, so that their
  // tokens are inactive here at once.
  const grants = await prisma.grant.findMany({ where: { clientRowId: client.id }, select: { id: true, clientRowId: true } });
  await prisma.client.deleteMany({ where: { id: client.id, orgId: input.orgId } });
  ChangeFeed.announce(prisma, { kind: "client", orgId: input.orgId, clientId: client.clientId }, ...grants.map((g) => ({ kind: "grant" as const, grantId: g.id, clientRowId: g.clientRowId })));
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: "client.deleted",
    actor: { type: "user", id: input.actor.id, label: input.actor.email },
    clientId: client.clientId,
    target: { type: "client", id: client.id },
    details: { name: client.name, source: client.source },
  });
  return { clientId: client.clientId };
}
