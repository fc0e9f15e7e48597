import type { Role } from "@/generated/prisma/client";
import { getDatabase } from "../db/getDatabase";

export interface PendingInvite {
  id: string;
  role: Role;
  createdAt: Date;
  expiresAt: Date;
  createdByEmail: string | null;
}

/** Invitations that can still be used: not yet claimed and not expired. */
export async function listPendingInvites(orgId: string, now = new Date()): Promise<PendingInvite[]> {
  const { prisma } = await getDatabase();
  const invites = await prisma.invite.findMany({
    where: { orgId, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    select: { id: true, role: true, createdAt: true, expiresAt: true, createdById: true },
  });
  // Invite.createdById has no relation in the schema, so the creators are looked up separately.
  const creatorIds = [...new Set(invites.map((i) => i.createdById).filter((id): id is string => id !== null))];
  const creators = creatorIds.length
    ? await prisma.user.findMany({ where: { id: { in: creatorIds } }, select: { id: true, email: true } })
    : [];
  const emailById = new Map(creators.map((u) => [u.id, u.email]));
  return invites.map((i) => ({
    id: i.id,
    role: i.role,
    createdAt: i.createdAt,
    expiresAt: i.expiresAt,
    createdByEmail: i.createdById ? (emailById.get(i.createdById) ?? null) : null,
  }));
}
