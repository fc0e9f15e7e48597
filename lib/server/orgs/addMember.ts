import type { PrismaClient, Role } from "@/generated/prisma/client";
import { UseCaseError } from "../errors/UseCaseError";

/** Gives an existing user a role in an org (CLI and invites); changing an existing role is refused. */
export async function addMember(prisma: PrismaClient, input: { orgSlug: string; email: string; role: Role }) {
  const org = await prisma.org.findUnique({ where: { slug: input.orgSlug } });
  if (!org) throw new UseCaseError("not_found", `No org with the slug "${input.orgSlug}"`, "org");
  const user = await prisma.user.findUnique({ where: { email: input.email.trim().toLowerCase() } });
  if (!user) throw new UseCaseError("not_found", `No user with the email ${input.email}`, "email");
  const existing = await prisma.membership.findUnique({ where: { orgId_userId: { orgId: org.id, userId: user.id } } });
  if (existing) throw new UseCaseError("conflict", `${user.email} is already a ${existing.role} of ${org.slug}`, "email");
  return prisma.membership.create({ data: { orgId: org.id, userId: user.id, role: input.role } });
}
