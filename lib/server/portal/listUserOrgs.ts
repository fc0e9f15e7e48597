import type { Role } from "@/generated/prisma/client";
import { getDatabase } from "../db/getDatabase";

export interface UserOrg {
  slug: string;
  name: string;
  role: Role;
}

/** Every org the user belongs to, the one joined first first (the landing page opens it). */
export async function listUserOrgs(userId: string): Promise<UserOrg[]> {
  const { prisma } = await getDatabase();
  const memberships = await prisma.membership.findMany({
    where: { userId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { role: true, org: { select: { slug: true, name: true } } },
  });
  return memberships.map((m) => ({ slug: m.org.slug, name: m.org.name, role: m.role }));
}
