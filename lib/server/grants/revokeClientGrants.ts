import type { PrismaClient } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import { revokeLiveGrants } from "./revokeLiveGrants";
import { ChangeFeed } from "../cache/ChangeFeed";

/** An admin revokes every live grant of one client of the org (all users, all resources) at once. */
export async function revokeClientGrants(
  prisma: PrismaClient,
  input: { orgId: string; clientRowId: string; actor: { id: string; email: string } },
  now = new Date(),
) {
  const client = await prisma.client.findFirst({ where: { id: input.clientRowId, orgId: input.orgId }, select: { id: true, clientId: true } });
  if (!client) throw new UseCaseError("not_found", "This client does not exist in this organization.");
  const revoked = await prisma.$transaction((tx) => revokeLiveGrants(tx, { orgId: input.orgId, clientRowId: client.id }, "all grants of the client revoked by an admin", now));
  ChangeFeed.announce(prisma, ...revoked.map((g) => ({ kind: "grant" as const, grantId: g.id, clientRowId: g.clientRowId })));
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: "client.grants_revoked",
    actor: { type: "user", id: input.actor.id, label: input.actor.email },
    clientId: client.clientId,
    target: { type: "client", id: client.id },
    details: { grants: revoked.length },
  });
  return { revoked: revoked.length };
}
