import { createHash, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { SqlSession } from "./SqlSession";

export interface MigrationResult {
  applied: string[];
  /** Applied migrations whose file changed since: a warning, as `prisma migrate deploy` ignores them too. */
  modified: string[];
}

export class MigrationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "MigrationError";
  }
}

// The key `prisma migrate deploy` takes, so our applier and Prisma's never run at the same time.
const ADVISORY_LOCK_KEY = 72707369;

// The table `prisma migrate` keeps, column for column, so either tool can take over from the other.
const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export function listMigrations(dir: string): { name: string; sql: string; checksum: string }[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/**
 * Applies pending migrations from `dir` (the `prisma/migrations` layout) and records them in
 * `_prisma_migrations`, like `prisma migrate deploy`. Each migration runs in a transaction, so a
 * failing one changes nothing; it is recorded as failed (finished_at null, the error in logs) and
 * blocks later runs until marked rolled back, as Prisma does (P3009). Several instances starting at
 * once serialize on a PostgreSQL advisory lock.
 *
 * Not handled: statements PostgreSQL refuses inside a transaction (CREATE INDEX CONCURRENTLY).
 */
export async function applyMigrations(sql: SqlSession, dir: string): Promise<MigrationResult> {
  const migrations = listMigrations(dir);
  await sql.query(`SELECT pg_advisory_lock(${ADVISORY_LOCK_KEY})`);
  try {
    await sql.exec(CREATE_TABLE);
    const { rows } = await sql.query<AppliedRow>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at, logs FROM "_prisma_migrations" ORDER BY started_at`,
    );
    const failed = rows.find((r) => r.finished_at === null && r.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        `Migration ${failed.migration_name} failed earlier and blocks the others:\n${failed.logs ?? ""}\n` +
          `Fix it, then mark it rolled back (npx gatehouse migrate --rolled-back ${failed.migration_name}) and migrate again.`,
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at !== null).map((r) => [r.migration_name, r.checksum]));
    const result: MigrationResult = { applied: [], modified: [] };
    for (const m of migrations) {
      const checksum = done.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) result.modified.push(m.name);
        continue;
      }
      const id = randomUUID();
      try {
        await sql.exec(`BEGIN;\n${m.sql}\n;\nCOMMIT;`);
      } catch (error) {
        await sql.exec("ROLLBACK").catch(() => undefined);
        const message = error instanceof Error ? error.message : String(error);
        await sql.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, started_at, applied_steps_count) VALUES ($1, $2, $3, $4, now(), 0)`,
          [id, m.checksum, m.name, message],
        );
        throw new MigrationError(`Migration ${m.name} failed and was rolled back: ${message}`);
      }
      await sql.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), now(), 1)`,
        [id, m.checksum, m.name],
      );
      result.applied.push(m.name);
    }
    return result;
  } finally {
    await sql.query(`SELECT pg_advisory_unlock(${ADVISORY_LOCK_KEY})`).catch(() => undefined);
  }
}

/** `prisma migrate resolve --rolled-back`: lets a fixed migration be applied again. */
export async function markMigrationRolledBack(sql: SqlSession, name: string): Promise<boolean> {
  await sql.exec(CREATE_TABLE);
  const { rows } = await sql.query<{ id: string }>(
    `UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = $1 AND finished_at IS NULL AND rolled_back_at IS NULL RETURNING id`,
    [name],
  );
  return rows.length > 0;
}
