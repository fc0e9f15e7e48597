import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "@/lib/server/db/applyMigrations";
import { type Database, openDatabase } from "@/lib/server/db/openDatabase";

export const MIGRATIONS = new URL("../../prisma/migrations", import.meta.url).pathname;

/** The PostgreSQL server tests run against, or undefined for the embedded database (the default). */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL || undefined;

export interface TestDatabase extends Database {
  /** Set on PostgreSQL: the URL of this test's own fresh database. */
  url?: string;
}

/** A fresh PostgreSQL database on the test server; dropped by the returned function. */
export async function createScratchPostgres(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `gatehouse_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: TEST_DATABASE_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * A clean, empty database for one test file: in-memory PGlite, or a fresh PostgreSQL database when
 * TEST_DATABASE_URL is set. `migrate: false` leaves it without tables (for migration tests).
 */
export async function openTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  let db: Database;
  let url: string | undefined;
  let drop = async () => {};
  if (TEST_DATABASE_URL) {
    const scratch = await createScratchPostgres();
    url = scratch.url;
    drop = scratch.drop;
    db = await openDatabase({ databaseUrl: url, dataDir: "memory", poolSize: 4 });
  } else {
    db = await openDatabase({ dataDir: "memory" });
  }
  if (options.migrate !== false) await db.withSession((sql) => applyMigrations(sql, MIGRATIONS));
  return {
    ...db,
    url,
    async close() {
      await db.close();
      await drop();
    },
  };
}

export const TEST_SECRET_KEY = "test-secret-key-that-is-long-enough-0123456789";
