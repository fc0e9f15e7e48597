import type { PrismaClient } from "@/generated/prisma/client";
import type { Config } from "../config/loadConfig";
import { UseCaseError } from "../errors/UseCaseError";
import { createFirstAccount } from "../orgs/createFirstAccount";

/**
 * Automation: with GATEHOUSE_ADMIN_EMAIL, _PASSWORD and GATEHOUSE_ORG set and no user yet, creates
 * that owner and org. Idempotent: once any user exists it does nothing, also when several
 * instances start together (createFirstAccount serializes on an advisory lock).
 */
export async function bootstrapFromEnv(prisma: PrismaClient, config: Config): Promise<"created" | "skipped"> {
  const b = config.bootstrap;
  if (!b) return "skipped";
  if ((await prisma.user.count()) > 0) return "skipped";
  try {
    await createFirstAccount(prisma, { email: b.email, password: b.password, orgSlug: b.org, orgName: b.orgName }, config.secretKey);
    return "created";
  } catch (error) {
    if (error instanceof UseCaseError && error.code === "forbidden") return "skipped";
    throw error;
  }
}
