import type { PrismaClient } from "@/generated/prisma/client";
import type { AuthorizationCodeRecord, AuthorizationCodeStore } from "@/lib/oauth/ports";
import { refreshTokenInsert } from "./refreshTokenInsert";

/** An AuthorizationCode row as the raw queries return it (times as epoch milliseconds). */
interface Row {
  codeHash: string;
  grantId: string;
  clientRowId: string;
  redirectUri: string;
  codeChallenge: string;
  resource: string;
  scopes: string[];
  expiresAtMs: number;
  usedAtMs: number | null;
}

const COLUMNS = `c."codeHash", c."grantId", c."clientRowId", c."redirectUri", c."codeChallenge", c."resource", c."scopes",
  (EXTRACT(EPOCH FROM c."expiresAt") * 1000)::float8 AS "expiresAtMs",
  (EXTRACT(EPOCH FROM c."usedAt") * 1000)::float8 AS "usedAtMs"`;

/**
 * Authorization codes. Reading and spending them is raw SQL (every code exchange does both, and
 * Prisma's query compiler cost more than the statements); times cross as in
 * prismaRefreshTokenStore.
 */
export function prismaAuthorizationCodeStore(prisma: PrismaClient): AuthorizationCodeStore {
  return {
    async create(code) {
      await prisma.authorizationCode.create({ data: code });
    },

    async find(codeHash) {
      const rows = await prisma.$queryRawUnsafe<Row[]>(`SELECT ${COLUMNS} FROM "AuthorizationCode" c WHERE c."codeHash" = $1`, codeHash);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async consume(codeHash, now, refreshToken) {
      // One statement: the conditional UPDATE is the single-use claim (of two concurrent exchanges
      // exactly one claims it, RFC 6749 §4.1.2), and the refresh token is inserted only if the
      // claim succeeded, so a code is never spent without what it was exchanged for.
      const insert = refreshToken ? refreshTokenInsert(3, refreshToken) : null;
      const rows = await prisma.$queryRawUnsafe<(Row & { claimed: number })[]>(
        `WITH claimed AS (
           UPDATE "AuthorizationCode" SET "usedAt" = $1::timestamptz AT TIME ZONE 'UTC'
           WHERE "codeHash" = $2 AND "usedAt" IS NULL RETURNING 1
         )${insert ? `, issued AS (${insert.head} SELECT ${insert.values} FROM claimed RETURNING 1)` : ""}
         SELECT (SELECT count(*) FROM claimed)::int AS "claimed", ${COLUMNS} FROM "AuthorizationCode" c WHERE c."codeHash" = $2`,
        now.toISOString(),
        codeHash,
        ...(insert?.params ?? []),
      );
      const row = rows[0];
      if (!row) return { status: "unknown" };
      if (row.claimed !== 1) return { status: "already_used", grantId: row.grantId };
      return { status: "consumed", code: { ...toRecord(row), usedAt: now } };
    },
  };
}

function toRecord(row: Row): AuthorizationCodeRecord {
  return {
    codeHash: row.codeHash,
    grantId: row.grantId,
    clientRowId: row.clientRowId,
    redirectUri: row.redirectUri,
    codeChallenge: row.codeChallenge,
    codeChallengeMethod: "S256",
    resource: row.resource,
    scopes: row.scopes,
    expiresAt: new Date(Math.round(row.expiresAtMs)),
    usedAt: row.usedAtMs === null ? null : new Date(Math.round(row.usedAtMs)),
  };
}
