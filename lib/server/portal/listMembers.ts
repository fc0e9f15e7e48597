import type { Role } from "@/generated/prisma/client";
import { getDatabase } from "../db/getDatabase";

export interface MemberRow {
  id: string;
  email: string;
  name: string | null;
  role: Role;
  joinedAt: Date;
}

/** The org's members in the order they joined. */
export async function listMembers(orgId: string): Promise<MemberRow[]> {
  const { prisma } = await getDatabase();
  const memberships = await prisma.membership.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { id: true, role: true, createdAt: true, user: { select: { email: true, name: true } } },
  });
  return memberships.map((m) => ({ id: m.id, email: m.user.email, name: m.user.name, role: m.role, joinedAt: m.createdAt }));
}
