import type { PrismaClient } from "@/generated/prisma/client";
import type { RefreshTokenRecord, RefreshTokenStore } from "@/lib/oauth/ports";

const select = { id: true, tokenHash: true, familyId: true, grantId: true, clientRowId: true, resource: true, scopes: true, expiresAt: true, rotatedAt: true, revokedAt: true } as const;

export function prismaRefreshTokenStore(prisma: PrismaClient): RefreshTokenStore {
  return {
    findByHash: (tokenHash) => prisma.refreshToken.findUnique({ where: { tokenHash }, select }) as Promise<RefreshTokenRecord | null>,

    async create(token) {
      await prisma.refreshToken.create({ data: token });
    },

    async rotate(oldTokenHash, successor, now) {
      return prisma.$transaction(async (tx) => {
        // The conditional update claims the old token: a concurrent rotation finds it taken.
        const claimed = await tx.refreshToken.updateMany({ where: { tokenHash: oldTokenHash, rotatedAt: null, revokedAt: null }, data: { rotatedAt: now } });
        if (claimed.count !== 1) {
          const old = await tx.refreshToken.findUniqueOrThrow({ where: { tokenHash: oldTokenHash }, select: { familyId: true, grantId: true } });
          return { status: "reused" as const, familyId: old.familyId, grantId: old.grantId };
        }
        await tx.refreshToken.create({ data: successor });
        return { status: "rotated" as const };
      });
    },

    async revokeFamily(familyId, now) {
      await prisma.refreshToken.updateMany({ where: { familyId, revokedAt: null }, data: { revokedAt: now } });
    },
  };
}
