import type { PrismaClient } from "@/generated/prisma/client";
import { UseCaseError } from "../errors/UseCaseError";

export interface OrgForServers {
  id: string;
  slug: string;
  defaultServerId: string | null;
}

/** The org the server use cases work in; an unknown id is `not_found`. */
export async function loadOrgForServers(prisma: Pick<PrismaClient, "org">, orgId: string): Promise<OrgForServers> {
  const org = await prisma.org.findUnique({ where: { id: orgId }, select: { id: true, slug: true, defaultServerId: true } });
  if (!org) throw new UseCaseError("not_found", "This organization does not exist");
  return org;
}
