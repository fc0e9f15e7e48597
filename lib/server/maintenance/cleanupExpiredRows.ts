import type { SqlSession } from "../db/SqlSession";
import { type CleanupPolicy, DEFAULT_CLEANUP_POLICY } from "./CleanupPolicy";

export interface CleanupReport {
  /** False when another instance was already cleaning up: nothing was done by this call. */
  ran: boolean;
  deleted: {
    authorizationCodes: number;
    refreshTokens: number;
    revokedAccessTokens: number;
    rateLimitBuckets: number;
    invites: number;
    unusedClients: number;
  };
}

/** Its own advisory lock key (the migrator uses 72707369): "gatehouse maintenance". */
const LOCK_KEY = 72707370;
/** Rows per DELETE statement: short transactions and bounded lock time, even on a first run over a huge backlog. */
const BATCH = 2000;

type Target = { table: string; key: string; where: string; param: (now: number, policy: CleanupPolicy) => number };

/**
 * Each target is a `WHERE` over its table with one timestamp parameter ($1, the cutoff). Columns
 * are Prisma's `timestamp(3)` in UTC; the cutoff travels as an ISO string and is converted in SQL,
 * so the session's TimeZone cannot shift it.
 */
const TARGETS: Record<keyof CleanupReport["deleted"], Target> = {
  authorizationCodes: { table: "AuthorizationCode", key: "id", where: `"expiresAt" < $1`, param: (now, p) => now - p.codeGraceSec * 1000 },
  refreshTokens: { table: "RefreshToken", key: "id", where: `("expiresAt" < $1 OR "revokedAt" < $1)`, param: (now, p) => now - p.refreshTokenGraceSec * 1000 },
  revokedAccessTokens: { table: "RevokedAccessToken", key: "jti", where: `"expiresAt" < $1`, param: (now, p) => now - p.revokedAccessTokenGraceSec * 1000 },
  rateLimitBuckets: { table: "RateLimitBucket", key: "key", where: `"windowStart" < $1`, param: (now, p) => now - p.rateLimitBucketAgeSec * 1000 },
  invites: { table: "Invite", key: "id", where: `"usedAt" IS NULL AND "expiresAt" < $1`, param: (now, p) => now - p.inviteGraceSec * 1000 },
  unusedClients: {
    table: "Client",
    key: "id",
    where: `"source" IN ('dcr', 'cimd') AND "lastUsedAt" IS NULL AND "createdAt" < $1 AND NOT EXISTS (SELECT 1 FROM "Grant" g WHERE g."clientRowId" = t."id")`,
    param: (now, p) => now - p.unusedClientAgeSec * 1000,
  },
};

/**
 * Deletes the rows nothing will ever read again, so that tables do not grow without bound:
 * expired authorization codes, expired or revoked refresh tokens, expired access-token revocations,
 * old rate-limit buckets, expired unused invitations, and DCR/CIMD clients never used (the cutoffs
 * are CleanupPolicy's). Deleting a client cascades to nothing live: it has no grant by definition.
 *
 * Safe with several instances: the run holds a session advisory lock and another instance that
 * finds it taken skips its run (`ran: false`); every delete is idempotent anyway, and in batches,
 * each its own short transaction.
 */
export async function cleanupExpiredRows(sql: SqlSession, options: { now?: Date; policy?: Partial<CleanupPolicy> } = {}): Promise<CleanupReport> {
  const policy = { ...DEFAULT_CLEANUP_POLICY, ...options.policy };
  const now = (options.now ?? new Date()).getTime();
  const deleted = { authorizationCodes: 0, refreshTokens: 0, revokedAccessTokens: 0, rateLimitBuckets: 0, invites: 0, unusedClients: 0 };

  const { rows } = await sql.query<{ locked: boolean }>(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`);
  if (!rows[0]?.locked) return { ran: false, deleted };
  try {
    for (const [name, target] of Object.entries(TARGETS) as [keyof typeof deleted, Target][]) {
      const cutoff = new Date(target.param(now, policy)).toISOString();
      const where = target.where.replaceAll("$1", `($1::timestamptz AT TIME ZONE 'UTC')`);
      for (;;) {
        const result = await sql.query<{ n: number }>(
          `WITH doomed AS (SELECT t."${target.key}" FROM "${target.table}" t WHERE ${where} LIMIT ${BATCH}),
                gone AS (DELETE FROM "${target.table}" d USING doomed WHERE d."${target.key}" = doomed."${target.key}" RETURNING 1)
           SELECT count(*)::int AS n FROM gone`,
          [cutoff],
        );
        const n = Number(result.rows[0]?.n ?? 0);
        deleted[name] += n;
        if (n < BATCH) break;
      }
    }
  } finally {
    await sql.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch(() => undefined);
  }
  return { ran: true, deleted };
}
