import type { PrismaClient } from "@/generated/prisma/client";
import { createOrg } from "./createOrg";

/** A signed-in user creates another org and becomes its owner; recorded as `org.created`. */
export async function createAdditionalOrg(
  prisma: PrismaClient,
  input: { slug: string; name: string; owner: { id: string; email: string } },
  secretKey: string,
) {
  return prisma.$transaction(
    async (tx) => {
      const org = await createOrg(tx, { slug: input.slug, name: input.name, ownerId: input.owner.id }, secretKey);
      await tx.auditEvent.create({
        data: { orgId: org.id, kind: "org.created", actorType: "user", actorId: input.owner.id, actorLabel: input.owner.email, targetType: "org", targetId: org.id },
      });
      return org;
    },
    // Generating and encrypting the signing key can be slow on the embedded database.
    { timeout: 30_000 },
  );
}
