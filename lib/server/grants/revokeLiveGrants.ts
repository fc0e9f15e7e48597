import type { Prisma } from "@/generated/prisma/client";

/**
 * Revokes every live grant of the org matching `where`, with their refresh tokens and unused codes,
 * inside the caller's transaction (the same three updates prismaGrantStore.revoke makes for one
 * grant). Access tokens die with the grant: introspection and the gateway check it. Returns the
 * revoked grants, for the caller to announce once the transaction has committed (ChangeFeed).
 */
export async function revokeLiveGrants(
  tx: Prisma.TransactionClient,
  where: { orgId: string; clientRowId?: string; userId?: string },
  reason: string,
  now: Date,
): Promise<{ id: string; clientRowId: string }[]> {
  const live = await tx.grant.findMany({ where: { ...where, revokedAt: null }, select: { id: true, clientRowId: true } });
  const ids = live.map((g) => g.id);
  if (ids.length === 0) return live;
  await tx.grant.updateMany({ where: { id: { in: ids }, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } });
  await tx.refreshToken.updateMany({ where: { grantId: { in: ids }, revokedAt: null }, data: { revokedAt: now } });
  await tx.authorizationCode.updateMany({ where: { grantId: { in: ids }, usedAt: null }, data: { usedAt: now } });
  return live;
}
