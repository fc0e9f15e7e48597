import { cache } from "react";
import type { Role } from "@/generated/prisma/client";
import { getDatabase } from "../db/getDatabase";
import type { SessionUser } from "./getSessionUser";

export type OrgAccess =
  | { ok: true; org: { id: string; slug: string; name: string }; role: Role }
  | { ok: false; reason: "no-org" | "not-member" | "role" };

/**
 * Whether `user` may act in the org `slug` with one of `roles`. An org the user does not belong to
 * is reported like one that does not exist, so pages do not reveal which slugs are taken.
 */
export async function findOrgAccess(user: SessionUser, slug: string, roles: readonly Role[]): Promise<OrgAccess> {
  const membership = await findMembership(user.id, slug);
  if (!membership) return { ok: false, reason: "not-member" };
  if (!roles.includes(membership.role)) return { ok: false, reason: "role" };
  return { ok: true, org: membership.org, role: membership.role };
}

// Once per render: the org layout and its page both ask.
const findMembership = cache(async (userId: string, slug: string) => {
  const { prisma } = await getDatabase();
  return prisma.membership.findFirst({
    where: { userId, org: { slug } },
    select: { role: true, org: { select: { id: true, slug: true, name: true } } },
  });
});
