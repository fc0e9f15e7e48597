import type { PrismaClient } from "@/generated/prisma/client";
import type { GrantRecord, GrantStore } from "@/lib/oauth/ports";

const select = { id: true, orgId: true, userId: true, clientRowId: true, resource: true, scopes: true, revokedAt: true } as const;

export function prismaGrantStore(prisma: PrismaClient): GrantStore {
  return {
    find: (grantId) => prisma.grant.findUnique({ where: { id: grantId }, select }) as Promise<GrantRecord | null>,

    async findOrCreateClientGrant(grant) {
      const scopes = [...grant.scopes].sort();
      const existing = await prisma.grant.findFirst({
        where: { orgId: grant.orgId, clientRowId: grant.clientRowId, userId: null, resource: grant.resource, revokedAt: null, scopes: { equals: scopes } },
        select,
      });
      return existing ?? prisma.grant.create({ data: { ...grant, scopes }, select });
    },

    async revoke(grantId, reason, now) {
      // One transaction: a grant is never left revoked with live refresh tokens or codes under it.
      await prisma.$transaction([
        prisma.grant.updateMany({ where: { id: grantId, revokedAt: null }, data: { revokedAt: now, revokedReason: reason } }),
        prisma.refreshToken.updateMany({ where: { grantId, revokedAt: null }, data: { revokedAt: now } }),
        prisma.authorizationCode.updateMany({ where: { grantId, usedAt: null }, data: { usedAt: now } }),
      ]);
    },
  };
}
