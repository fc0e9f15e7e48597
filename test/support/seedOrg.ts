import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/generated/prisma/client";
import { createOrg } from "@/lib/server/orgs/createOrg";
import { createUser } from "@/lib/server/users/createUser";
import { TEST_SECRET_KEY } from "./testDatabase";

export interface SeededOrg {
  orgId: string;
  slug: string;
  ownerId: string;
  ownerEmail: string;
  password: string;
}

/** A fresh org with its defaults (demo server, scopes, signing key) and an owner. */
export async function seedOrg(prisma: PrismaClient, slug = `org-${randomBytes(4).toString("hex")}`): Promise<SeededOrg> {
  const password = "correct horse battery";
  const ownerEmail = `owner-${slug}@example.com`;
  return prisma.$transaction(
    async (tx) => {
      const user = await createUser(tx, { email: ownerEmail, password });
      const org = await createOrg(tx, { slug, name: slug.toUpperCase(), ownerId: user.id }, TEST_SECRET_KEY);
      return { orgId: org.id, slug, ownerId: user.id, ownerEmail, password };
    },
    { timeout: 30_000 },
  );
}
