import type { Database } from "../db/openDatabase";
import type { RateLimitCount, RateLimitStore } from "./RateLimitStore";

/**
 * The RateLimitStore on the RateLimitBucket table, shared by every instance on the database.
 *
 * `increment` is one statement, `INSERT ... ON CONFLICT DO UPDATE ... RETURNING`: PostgreSQL takes
 * the row lock for the update, so concurrent increments of one key from any number of instances
 * serialize and none is lost, and there is no read-modify-write race to get wrong. In the SET
 * clause `b.*` is the row before the update, so both CASEs test the old window.
 *
 * Times cross the driver as ISO strings and become UTC `timestamp` values in SQL (the column type
 * Prisma uses for DateTime), so the session's TimeZone setting cannot shift them; they come back
 * as epoch milliseconds for the same reason.
 */
export function databaseRateLimitStore(sql: Database["sql"]): RateLimitStore {
  return {
    async increment(key, windowMs, now) {
      const nowIso = now.toISOString();
      const endedBefore = new Date(now.getTime() - windowMs).toISOString();
      const { rows } = await sql.query<{ count: number; windowStartMs: number }>(
        `INSERT INTO "RateLimitBucket" AS b ("key", "windowStart", "count")
         VALUES ($1, $2::timestamptz AT TIME ZONE 'UTC', 1)
         ON CONFLICT ("key") DO UPDATE SET
           "count" = CASE WHEN b."windowStart" <= $3::timestamptz AT TIME ZONE 'UTC' THEN 1 ELSE b."count" + 1 END,
           "windowStart" = CASE WHEN b."windowStart" <= $3::timestamptz AT TIME ZONE 'UTC' THEN EXCLUDED."windowStart" ELSE b."windowStart" END
         RETURNING "count", (EXTRACT(EPOCH FROM "windowStart") * 1000)::float8 AS "windowStartMs"`,
        [key, nowIso, endedBefore],
      );
      return toCount(rows[0]!);
    },

    async peek(keys) {
      if (keys.length === 0) return new Map();
      const { rows } = await sql.query<{ key: string; count: number; windowStartMs: number }>(
        `SELECT "key", "count", (EXTRACT(EPOCH FROM "windowStart") * 1000)::float8 AS "windowStartMs"
         FROM "RateLimitBucket" WHERE "key" = ANY($1::text[])`,
        [[...keys]],
      );
      return new Map(rows.map((row) => [row.key, toCount(row)]));
    },

    async activeKeys(since) {
      const { rows } = await sql.query<{ key: string }>(`SELECT "key" FROM "RateLimitBucket" WHERE "windowStart" > $1::timestamptz AT TIME ZONE 'UTC'`, [since.toISOString()]);
      return rows.map((row) => row.key);
    },
  };
}

function toCount(row: { count: number; windowStartMs: number }): RateLimitCount {
  return { count: Number(row.count), windowStart: new Date(Math.round(Number(row.windowStartMs))) };
}
