import type { PrismaClient } from "@/generated/prisma/client";
import { hashToken } from "../crypto/hashToken";
import { UseCaseError } from "../errors/UseCaseError";

/** The invitation behind a link, if it can still be used. */
export async function findInvite(prisma: PrismaClient, token: string, now = new Date()) {
  const invite = await prisma.invite.findUnique({ where: { tokenHash: hashToken(token) }, include: { org: true } });
  if (!invite) throw new UseCaseError("not_found", "This invitation link is not valid. Ask an admin for a new one.");
  if (invite.usedAt) throw new UseCaseError("expired", "This invitation link has already been used. Ask an admin for a new one.");
  if (invite.expiresAt <= now) throw new UseCaseError("expired", "This invitation link has expired. Ask an admin for a new one.");
  return invite;
}
