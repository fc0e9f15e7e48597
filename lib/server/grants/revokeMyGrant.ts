import type { PrismaClient } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import { prismaGrantStore } from "../stores/prismaGrantStore";

/**
 * Anyone in the org revokes one of their own connections ("My connections"). The grant must be the
 * user's own, in this org: another person's grant is reported as missing, so ids reveal nothing.
 */
export async function revokeMyGrant(
  prisma: PrismaClient,
  input: { orgId: string; grantId: string; user: { id: string; email: string } },
  now = new Date(),
) {
  const grant = await prisma.grant.findFirst({
    where: { id: input.grantId, orgId: input.orgId },
    select: { id: true, userId: true, revokedAt: true, serverId: true, resource: true, client: { select: { clientId: true } } },
  });
  if (!grant || grant.userId !== input.user.id) throw new UseCaseError("not_found", "This connection is not one of yours, or it no longer exists.");
  if (grant.revokedAt) throw new UseCaseError("conflict", "This connection was already revoked.");
  await prismaGrantStore(prisma).revoke(grant.id, "revoked by the user", now);
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: "grant.revoked",
    actor: { type: "user", id: input.user.id, label: input.user.email },
    clientId: grant.client.clientId,
    serverId: grant.serverId,
    target: { type: "grant", id: grant.id },
    details: { by: "owner of the grant", resource: grant.resource },
  });
  return { grantId: grant.id };
}
