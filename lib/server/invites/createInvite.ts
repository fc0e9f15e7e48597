import { randomBytes } from "node:crypto";
import type { PrismaClient, Role } from "@/generated/prisma/client";
import { hashToken } from "../crypto/hashToken";

export const INVITE_LIFETIME_MS = 7 * 24 * 3600 * 1000;

/**
 * Creates a single-use invitation; returns the token once (only its hash is stored). The link is
 * `{PUBLIC_URL}/invite/{token}`, copied by the admin: no mail server needed. Role checks are the
 * caller's (admin actions).
 */
export async function createInvite(
  prisma: PrismaClient,
  input: { orgId: string; role: Role; createdById: string },
  now = new Date(),
) {
  const token = randomBytes(32).toString("base64url");
  const invite = await prisma.invite.create({
    data: { orgId: input.orgId, role: input.role, createdById: input.createdById, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + INVITE_LIFETIME_MS) },
  });
  return { token, invite };
}
