import type { Prisma } from "@/generated/prisma/client";

/**
 * Locks the org row for the rest of the caller's transaction and counts its owners. Every change
 * that can take an owner away takes this lock first, so two concurrent demotions or removals are
 * serialized and the second one sees the first one's result: an org never ends up without an owner.
 */
export async function lockOwners(tx: Prisma.TransactionClient, orgId: string): Promise<number> {
  await tx.$queryRawUnsafe(`SELECT id FROM "Org" WHERE id = $1 FOR UPDATE`, orgId);
  return tx.membership.count({ where: { orgId, role: "owner" } });
}
