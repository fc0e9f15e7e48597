import type { RefreshTokenRecord, RefreshTokenStore } from "@/lib/oauth/ports";
import type { Database } from "../db/openDatabase";
import { refreshTokenInsert } from "./refreshTokenInsert";

/** A RefreshToken row as the raw queries return it: the record, with its times as epoch milliseconds. */
type Row = Omit<RefreshTokenRecord, "expiresAt" | "rotatedAt" | "revokedAt"> & { expiresAtMs: number; rotatedAtMs: number | null; revokedAtMs: number | null };

const COLUMNS = `"tokenHash", "familyId", "grantId", "clientRowId", "resource", "scopes",
  (EXTRACT(EPOCH FROM "expiresAt") * 1000)::float8 AS "expiresAtMs",
  (EXTRACT(EPOCH FROM "rotatedAt") * 1000)::float8 AS "rotatedAtMs",
  (EXTRACT(EPOCH FROM "revokedAt") * 1000)::float8 AS "revokedAtMs"`;

/**
 * Refresh tokens, in SQL on the driver (Database.sql): they are single-use, so every refresh reads
 * and writes the database, and through Prisma (its query compiler, or even its raw queries) each
 * statement cost several times its own price in CPU. Times cross as ISO strings into the UTC `timestamp`
 * columns Prisma uses for DateTime, and come back as epoch milliseconds, so the session's TimeZone
 * cannot shift them.
 */
export function sqlRefreshTokenStore(sql: Database["sql"]): RefreshTokenStore {
  return {
    async findByHash(tokenHash) {
      const { rows } = await sql.query<Row>(`SELECT ${COLUMNS} FROM "RefreshToken" WHERE "tokenHash" = $1`, [tokenHash]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async create(token) {
      const insert = refreshTokenInsert(1, token);
      await sql.query(`${insert.head} VALUES (${insert.values})`, insert.params);
    },

    async rotate(oldTokenHash, successor, now) {
      // One statement: the conditional UPDATE claims the old token (a concurrent rotation waits
      // for its row lock, then finds it taken) and the INSERT of the successor happens only if the
      // claim did; the outer SELECT reads the family of the old token either way.
      const insert = refreshTokenInsert(3, successor);
      const { rows } = await sql.query<{ rotated: number; familyId: string; grantId: string }>(
        `WITH claimed AS (
           UPDATE "RefreshToken" SET "rotatedAt" = $1::timestamptz AT TIME ZONE 'UTC'
           WHERE "tokenHash" = $2 AND "rotatedAt" IS NULL AND "revokedAt" IS NULL RETURNING 1
         ), inserted AS (
           ${insert.head} SELECT ${insert.values} FROM claimed RETURNING 1
         )
         SELECT (SELECT count(*) FROM inserted)::int AS "rotated", "familyId", "grantId" FROM "RefreshToken" WHERE "tokenHash" = $2`,
        [now.toISOString(), oldTokenHash, ...insert.params],
      );
      const row = rows[0];
      if (!row) return { status: "unknown" };
      return row.rotated === 1 ? { status: "rotated" } : { status: "reused", familyId: row.familyId, grantId: row.grantId };
    },

    async revokeFamily(familyId, now) {
      await sql.query(`UPDATE "RefreshToken" SET "revokedAt" = $1::timestamptz AT TIME ZONE 'UTC' WHERE "familyId" = $2 AND "revokedAt" IS NULL`, [now.toISOString(), familyId]);
    },
  };
}

function toRecord(row: Row): RefreshTokenRecord {
  const date = (ms: number | null) => (ms === null ? null : new Date(Math.round(ms)));
  return {
    tokenHash: row.tokenHash,
    familyId: row.familyId,
    grantId: row.grantId,
    clientRowId: row.clientRowId,
    resource: row.resource,
    scopes: row.scopes,
    expiresAt: date(row.expiresAtMs)!,
    rotatedAt: date(row.rotatedAtMs),
    revokedAt: date(row.revokedAtMs),
  };
}

