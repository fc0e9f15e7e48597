import type { PrismaClient } from "@/generated/prisma/client";
import type { LoadedOrg } from "../oauth/loadOrg";

/** The org setting decides who may authorize clients: its members, or any signed-in user. */
export async function mayAuthorize(prisma: PrismaClient, org: LoadedOrg, userId: string): Promise<boolean> {
  if (org.authorizePolicy === "any_user") return true;
  const membership = await prisma.membership.findUnique({ where: { orgId_userId: { orgId: org.orgId, userId } }, select: { id: true } });
  return membership !== null;
}
