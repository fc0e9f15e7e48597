import type { PrismaClient, Role } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { isAdminRole } from "../auth/roles";
import { UseCaseError } from "../errors/UseCaseError";
import { revokeLiveGrants } from "../grants/revokeLiveGrants";
import { lockOwners } from "./lockOwners";
import { ChangeFeed } from "../cache/ChangeFeed";

/**
 * An owner or admin removes someone from the org. Only owners remove owners, and never the last
 * one (checked under the org's row lock). The person's connections to the org's servers are
 * revoked with the membership: removal is meant to cut their access now, not when tokens expire.
 */
export async function removeMember(
  prisma: PrismaClient,
  input: { orgId: string; membershipId: string; actor: { id: string; email: string; role: Role } },
  now = new Date(),
) {
  if (!isAdminRole(input.actor.role)) throw new UseCaseError("forbidden", "Only owners and admins can remove members.");
  const removed = await prisma.$transaction(async (tx) => {
    const owners = await lockOwners(tx, input.orgId);
    const target = await tx.membership.findFirst({ where: { id: input.membershipId, orgId: input.orgId }, select: { id: true, role: true, userId: true, user: { select: { email: true } } } });
    if (!target) throw new UseCaseError("not_found", "This person is not a member of this organization.");
    if (target.role === "owner" && input.actor.role !== "owner") throw new UseCaseError("forbidden", "Only an owner can remove an owner.");
    if (target.role === "owner" && owners <= 1) {
      throw new UseCaseError("conflict", "An organization needs at least one owner: make someone else an owner before removing this one.");
    }
    await tx.membership.delete({ where: { id: target.id } });
    const grants = await revokeLiveGrants(tx, { orgId: input.orgId, userId: target.userId }, "member removed from the organization", now);
    return { target, grants };
  });
  ChangeFeed.announce(prisma, ...removed.grants.map((g) => ({ kind: "grant" as const, grantId: g.id, clientRowId: g.clientRowId })));
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: "member.removed",
    actor: { type: "user", id: input.actor.id, label: input.actor.email },
    target: { type: "membership", id: removed.target.id },
    details: { user: removed.target.user.email, role: removed.target.role, grantsRevoked: removed.grants.length },
  });
  return { email: removed.target.user.email, grantsRevoked: removed.grants.length };
}
