import type { PrismaClient, Role } from "@/generated/prisma/client";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { isAdminRole } from "../auth/roles";
import { UseCaseError } from "../errors/UseCaseError";
import { lockOwners } from "./lockOwners";

/**
 * An owner or admin changes a member's role. Only owners grant or take away the owner role, and the
 * org's last owner cannot be demoted (checked under the org's row lock, so it holds under races).
 */
export async function changeMemberRole(
  prisma: PrismaClient,
  input: { orgId: string; membershipId: string; role: Role; actor: { id: string; email: string; role: Role } },
) {
  if (!isAdminRole(input.actor.role)) throw new UseCaseError("forbidden", "Only owners and admins can change roles.");
  const change = await prisma.$transaction(async (tx) => {
    const owners = await lockOwners(tx, input.orgId);
    const target = await tx.membership.findFirst({ where: { id: input.membershipId, orgId: input.orgId }, select: { id: true, role: true, user: { select: { id: true, email: true } } } });
    if (!target) throw new UseCaseError("not_found", "This person is not a member of this organization.");
    if (target.role === input.role) return null;
    if ((target.role === "owner" || input.role === "owner") && input.actor.role !== "owner") {
      throw new UseCaseError("forbidden", "Only an owner can grant or remove the owner role.", "role");
    }
    if (target.role === "owner" && owners <= 1) {
      throw new UseCaseError("conflict", "An organization needs at least one owner: make someone else an owner first.", "role");
    }
    await tx.membership.update({ where: { id: target.id }, data: { role: input.role } });
    return { target, from: target.role };
  });
  if (!change) return { changed: false };
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: "member.role_changed",
    actor: { type: "user", id: input.actor.id, label: input.actor.email },
    target: { type: "membership", id: change.target.id },
    details: { user: change.target.user.email, from: change.from, to: input.role },
  });
  return { changed: true };
}
