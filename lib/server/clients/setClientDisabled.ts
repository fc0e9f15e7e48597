import type { PrismaClient } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import { revokeLiveGrants } from "../grants/revokeLiveGrants";
import { ChangeFeed } from "../cache/ChangeFeed";

/**
 * An admin disables or re-enables a client of the org. A disabled client can neither authorize nor
 * authenticate; disabling also revokes its live grants in the same transaction, so the tokens it
 * already holds stop working at once instead of when they expire. Enabling restores nothing:
 * users authorize it again.
 */
export async function setClientDisabled(
  prisma: PrismaClient,
  input: { orgId: string; clientRowId: string; disabled: boolean; actor: { id: string; email: string } },
  now = new Date(),
) {
  const result = await prisma.$transaction(async (tx) => {
    const client = await tx.client.findFirst({ where: { id: input.clientRowId, orgId: input.orgId }, select: { id: true, clientId: true, disabledAt: true } });
    if (!client) throw new UseCaseError("not_found", "This client does not exist in this organization.");
    if ((client.disabledAt !== null) === input.disabled) {
      throw new UseCaseError("conflict", input.disabled ? "This client is already disabled." : "This client is already enabled.");
    }
    await tx.client.update({ where: { id: client.id }, data: { disabledAt: input.disabled ? now : null } });
    const revoked = input.disabled ? await revokeLiveGrants(tx, { orgId: input.orgId, clientRowId: client.id }, "client disabled", now) : [];
    return { client, revoked };
  });
  ChangeFeed.announce(prisma, { kind: "client", orgId: input.orgId, clientId: result.client.clientId }, ...result.revoked.map((g) => ({ kind: "grant" as const, grantId: g.id, clientRowId: g.clientRowId })));
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: input.disabled ? "client.disabled" : "client.enabled",
    actor: { type: "user", id: input.actor.id, label: input.actor.email },
    clientId: result.client.clientId,
    target: { type: "client", id: result.client.id },
    details: input.disabled ? { grantsRevoked: result.revoked.length } : {},
  });
  return { disabled: input.disabled, grantsRevoked: result.revoked.length };
}
