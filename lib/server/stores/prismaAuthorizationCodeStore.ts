import type { PrismaClient } from "@/generated/prisma/client";
import type { AuthorizationCodeRecord, AuthorizationCodeStore } from "@/lib/oauth/ports";

export function prismaAuthorizationCodeStore(prisma: PrismaClient): AuthorizationCodeStore {
  return {
    async create(code) {
      await prisma.authorizationCode.create({ data: code });
    },

    async find(codeHash) {
      const row = await prisma.authorizationCode.findUnique({ where: { codeHash } });
      return row ? toRecord(row) : null;
    },

    async consume(codeHash, now, refreshToken) {
      return prisma.$transaction(async (tx) => {
        // The conditional update is the single-use claim: of two concurrent exchanges exactly one
        // sees count 1 (RFC 6749 §4.1.2: a code is used once).
        const claimed = await tx.authorizationCode.updateMany({ where: { codeHash, usedAt: null }, data: { usedAt: now } });
        const row = await tx.authorizationCode.findUnique({ where: { codeHash } });
        if (!row) return { status: "unknown" as const };
        if (claimed.count !== 1) return { status: "already_used" as const, grantId: row.grantId };
        if (refreshToken) await tx.refreshToken.create({ data: refreshToken });
        return { status: "consumed" as const, code: toRecord(row) };
      });
    },
  };
}

function toRecord(row: Omit<AuthorizationCodeRecord, "codeChallengeMethod"> & { codeChallengeMethod: string }): AuthorizationCodeRecord {
  return {
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
  };
}
