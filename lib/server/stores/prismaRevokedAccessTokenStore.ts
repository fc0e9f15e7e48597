import type { PrismaClient } from "@/generated/prisma/client";
import type { RevokedAccessTokenStore } from "@/lib/oauth/ports";

export function prismaRevokedAccessTokenStore(prisma: PrismaClient): RevokedAccessTokenStore {
  return {
    async revoke(entry) {
      await prisma.revokedAccessToken.upsert({ where: { jti: entry.jti }, create: entry, update: {} });
    },
    async isRevoked(jti) {
      return (await prisma.revokedAccessToken.findUnique({ where: { jti }, select: { jti: true } })) !== null;
    },
  };
}
