import path from "node:path";
import { bootstrapFromEnv } from "../bootstrap/bootstrapFromEnv";
import { getConfig } from "../config/getConfig";
import { applyMigrations } from "./applyMigrations";
import { type Database, openDatabase } from "./openDatabase";

const holder = globalThis as unknown as { __gatehouseDatabase?: Promise<Database> };

export const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");

/**
 * The process's one database, opened on first use: the embedded folder is locked, pending
 * migrations applied (unless GATEHOUSE_AUTO_MIGRATE=false) and the env bootstrap run. Kept on
 * globalThis because the custom server and Next's bundled route modules are separate module
 * graphs in one process, and PGlite must be opened once. Its log lines go to stderr so that CLI
 * output (`--json`) stays clean.
 */
export function getDatabase(): Promise<Database> {
  holder.__gatehouseDatabase ??= initialize().catch((error) => {
    holder.__gatehouseDatabase = undefined;
    throw error;
  });
  return holder.__gatehouseDatabase;
}

async function initialize(): Promise<Database> {
  const config = getConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  try {
    if (config.autoMigrate) {
      const result = await db.withSession((sql) => applyMigrations(sql, MIGRATIONS_DIR));
      for (const name of result.applied) console.error(`[gatehouse] applied migration ${name}`);
      for (const name of result.modified) console.error(`[gatehouse] warning: applied migration ${name} was edited since`);
    }
    if ((await bootstrapFromEnv(db.prisma, config)) === "created") {
      console.error(`[gatehouse] created owner ${config.bootstrap!.email} and org ${config.bootstrap!.org}`);
    }
    return db;
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
