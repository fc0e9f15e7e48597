import { randomUUID } from "node:crypto";
import type { AuthorizationCodeRecord, AuthorizationCodeStore } from "@/lib/oauth/ports";
import type { Database } from "../db/openDatabase";
import { refreshTokenInsert } from "./refreshTokenInsert";

/** An AuthorizationCode row as the raw queries return it: the record, with its times as epoch milliseconds. */
type Row = Omit<AuthorizationCodeRecord, "codeChallengeMethod" | "expiresAt" | "usedAt"> & { expiresAtMs: number; usedAtMs: number | null };

const COLUMNS = `c."codeHash", c."grantId", c."clientRowId", c."redirectUri", c."codeChallenge", c."resource", c."scopes",
  (EXTRACT(EPOCH FROM c."expiresAt") * 1000)::float8 AS "expiresAtMs",
  (EXTRACT(EPOCH FROM c."usedAt") * 1000)::float8 AS "usedAtMs"`;

const UTC = "::timestamptz AT TIME ZONE 'UTC'";

/**
 * Authorization codes, in SQL on the driver (Database.sql): every authorization writes one and
 * every exchange reads and spends it, and through Prisma each statement cost several times its own
 * price in CPU. Times cross as in sqlRefreshTokenStore.
 */
export function sqlAuthorizationCodeStore(sql: Database["sql"]): AuthorizationCodeStore {
  return {
    async create(code) {
      await sql.query(
        `INSERT INTO "AuthorizationCode" ("id", "codeHash", "grantId", "clientRowId", "redirectUri", "codeChallenge", "codeChallengeMethod", "resource", "scopes", "expiresAt", "usedAt", "createdAt")
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::text[], $10${UTC}, $11${UTC}, $12${UTC})`,
        [
          randomUUID(),
          code.codeHash,
          code.grantId,
          code.clientRowId,
          code.redirectUri,
          code.codeChallenge,
          code.codeChallengeMethod,
          code.resource,
          [...code.scopes],
          code.expiresAt.toISOString(),
          code.usedAt?.toISOString() ?? null,
          new Date().toISOString(),
        ],
      );
    },

    async find(codeHash) {
      const { rows } = await sql.query<Row>(`SELECT ${COLUMNS} FROM "AuthorizationCode" c WHERE c."codeHash" = $1`, [codeHash]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async consume(codeHash, now, refreshToken) {
      // One statement: the conditional UPDATE is the single-use claim (of two concurrent exchanges
      // exactly one claims it, RFC 6749 §4.1.2), and the refresh token is inserted only if the
      // claim succeeded, so a code is never spent without what it was exchanged for.
      const insert = refreshToken ? refreshTokenInsert(3, refreshToken) : null;
      const { rows } = await sql.query<Row & { claimed: number }>(
        `WITH claimed AS (
           UPDATE "AuthorizationCode" SET "usedAt" = $1::timestamptz AT TIME ZONE 'UTC'
           WHERE "codeHash" = $2 AND "usedAt" IS NULL RETURNING 1
         )${insert ? `, issued AS (${insert.head} SELECT ${insert.values} FROM claimed RETURNING 1)` : ""}
         SELECT (SELECT count(*) FROM claimed)::int AS "claimed", ${COLUMNS} FROM "AuthorizationCode" c WHERE c."codeHash" = $2`,
        [now.toISOString(), codeHash, ...(insert?.params ?? [])],
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
