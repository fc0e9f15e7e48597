import type { PrismaClient, Role } from "@/generated/prisma/client";
import { UseCaseError } from "../errors/UseCaseError";
import { createInvite } from "./createInvite";
import { invitableRoles } from "./invitableRoles";

/**
 * An admin or owner creates an invitation link for `role`, checked against their own role here
 * rather than trusting the form; recorded as `invite.created`. Returns the token once.
 */
export async function inviteToOrg(
  prisma: PrismaClient,
  input: { orgId: string; role: Role; inviter: { id: string; email: string; role: Role } },
  now = new Date(),
) {
  if (!invitableRoles(input.inviter.role).includes(input.role)) {
    throw new UseCaseError("forbidden", input.role === "owner" ? "Only an owner can invite an owner" : `You cannot invite with the ${input.role} role`, "role");
  }
  const { token, invite } = await createInvite(prisma, { orgId: input.orgId, role: input.role, createdById: input.inviter.id }, now);
  await prisma.auditEvent.create({
    data: { orgId: input.orgId, kind: "invite.created", actorType: "user", actorId: input.inviter.id, actorLabel: input.inviter.email, targetType: "invite", targetId: invite.id, details: { role: input.role, expiresAt: invite.expiresAt.toISOString() } },
  });
  return { token, invite };
}
