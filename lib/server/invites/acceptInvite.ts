import type { PrismaClient } from "@/generated/prisma/client";
import { hashToken } from "../crypto/hashToken";
import { UseCaseError } from "../errors/UseCaseError";
import { createUser } from "../users/createUser";

export type InviteAcceptor = { userId: string } | { newUser: { email: string; password: string; name?: string } };

/**
 * Joins the invited org with the invite's role, as a signed-in user or a new account. The invite is
 * claimed with a conditional update, so one link admits exactly one person even under races.
 */
export async function acceptInvite(prisma: PrismaClient, token: string, who: InviteAcceptor, now = new Date()) {
  return prisma.$transaction(async (tx) => {
    const invite = await tx.invite.findUnique({ where: { tokenHash: hashToken(token) }, include: { org: true } });
    if (!invite) throw new UseCaseError("not_found", "This invitation link is not valid. Ask an admin for a new one.");
    const user = "userId" in who ? await tx.user.findUniqueOrThrow({ where: { id: who.userId } }) : await createUser(tx, who.newUser);
    const claimed = await tx.invite.updateMany({
      where: { id: invite.id, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now, usedById: user.id },
    });
    if (claimed.count !== 1) {
      throw new UseCaseError("expired", "This invitation link has expired or was already used. Ask an admin for a new one.");
    }
    const existing = await tx.membership.findUnique({ where: { orgId_userId: { orgId: invite.orgId, userId: user.id } } });
    if (existing) throw new UseCaseError("conflict", `You are already a member of ${invite.org.name}`);
    const membership = await tx.membership.create({ data: { orgId: invite.orgId, userId: user.id, role: invite.role } });
    await tx.auditEvent.create({
      data: { orgId: invite.orgId, kind: "member.joined", actorType: "user", actorId: user.id, actorLabel: user.email, targetType: "membership", targetId: membership.id, details: { role: invite.role, inviteId: invite.id } },
    });
    return { user, org: invite.org, membership };
  });
}
