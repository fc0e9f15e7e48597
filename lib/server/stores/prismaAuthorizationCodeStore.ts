import type { PrismaClient } from "@/generated/prisma/client";
import type { AuthorizationCodeStore } from "@/lib/oauth/ports";

export function prismaAuthorizationCodeStore(prisma: PrismaClient): AuthorizationCodeStore {
  return {
    async create(code) {
      await prisma.authorizationCode.create({ data: code });
    },

    async consume(codeHash, now) {
      // The conditional update is the single-use claim: of two concurrent exchanges exactly one
      // sees count 1 (RFC 6749 §4.1.2: a code is used once).
      const claimed = await prisma.authorizationCode.updateMany({ where: { codeHash, usedAt: null }, data: { usedAt: now } });
      const row = await prisma.authorizationCode.findUnique({ where: { codeHash } });
      if (!row) return { status: "unknown" };
      if (claimed.count !== 1) return { status: "already_used", grantId: row.grantId };
      return {
        status: "consumed",
        code: {
          codeHash: row.codeHash,
          grantId: row.grantId,
          clientRowId: row.clientRowId,
          redirectUri: row.redirectUri,
          codeChallenge: row.codeChallenge,
          codeChallengeMethod: "S256",
          resource: row.resource,
          scopes: row.scopes,
          expiresAt: row.expiresAt,
          usedAt: row.usedAt,
        },
      };
    },
  };
}
