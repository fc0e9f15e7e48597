import type { PrismaClient } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import { prismaGrantStore } from "../stores/prismaGrantStore";
import { ChangeFeed } from "../cache/ChangeFeed";

/**
 * An admin revokes one grant of the org: the grant, its refresh tokens and codes in one
 * transaction (the grant store's revoke); its access tokens stop passing introspection and the
 * gateway at once. A grant of another org is reported as missing.
 */
export async function revokeGrant(
  prisma: PrismaClient,
  input: { orgId: string; grantId: string; actor: { id: string; email: string } },
  now = new Date(),
) {
  const grant = await prisma.grant.findFirst({
    where: { id: input.grantId, orgId: input.orgId },
    select: { id: true, clientRowId: true, revokedAt: true, userId: true, serverId: true, resource: true, client: { select: { clientId: true } } },
  });
  if (!grant) throw new UseCaseError("not_found", "This grant does not exist in this organization.");
  if (grant.revokedAt) throw new UseCaseError("conflict", "This grant was already revoked.");
  await prismaGrantStore(prisma).revoke(grant.id, "revoked by an admin", now);
  ChangeFeed.announce(prisma, { kind: "grant", grantId: grant.id, clientRowId: grant.clientRowId });
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: "grant.revoked",
    actor: { type: "user", id: input.actor.id, label: input.actor.email },
    clientId: grant.client.clientId,
    serverId: grant.serverId,
    target: { type: "grant", id: grant.id },
    details: { userId: grant.userId, resource: grant.resource },
  });
  return { grantId: grant.id };
}
