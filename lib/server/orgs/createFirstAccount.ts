import type { PrismaClient } from "@/generated/prisma/client";
import { UseCaseError } from "../errors/UseCaseError";
import { createUser } from "../users/createUser";
import { createOrg } from "./createOrg";

// Serializes first-run attempts across instances: only one may find the user table empty.
const FIRST_RUN_LOCK = 72707370;

export interface FirstAccountInput {
  email: string;
  password: string;
  name?: string;
  orgSlug: string;
  orgName: string;
}

/**
 * First run: creates the first user and org, the user as its owner. Refused once any user exists,
 * so the landing page's set-up form cannot be replayed to take over an installation.
 */
export async function createFirstAccount(prisma: PrismaClient, input: FirstAccountInput, secretKey: string) {
  return prisma.$transaction(
    async (tx) => {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${FIRST_RUN_LOCK})`);
      if ((await tx.user.count()) > 0) {
        throw new UseCaseError("forbidden", "Gatehouse is already set up: sign in instead");
      }
      const user = await createUser(tx, input);
      const org = await createOrg(tx, { slug: input.orgSlug, name: input.orgName, ownerId: user.id }, secretKey);
      await tx.auditEvent.create({
        data: { orgId: org.id, kind: "org.created", actorType: "user", actorId: user.id, actorLabel: user.email, targetType: "org", targetId: org.id, details: { firstRun: true } },
      });
      return { user, org };
    },
    { timeout: 30_000 },
  );
}
