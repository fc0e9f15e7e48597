import path from "node:path";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { AuditWriter } from "../audit/AuditWriter";
import { ChangeFeed } from "../cache/ChangeFeed";
import { listenPgliteChanges } from "../cache/listenPgliteChanges";
import { listenPostgresChanges } from "../cache/listenPostgresChanges";
import { lockDataDir } from "./lockDataDir";
import type { SqlSession } from "./SqlSession";

export interface Database {
  kind: "pglite" | "postgres";
  prisma: PrismaClient;
  /**
   * Plain SQL on Prisma's own pool (PostgreSQL) or connection (PGlite), for the hot statements
   * written in SQL anyway (refresh rotation, code redemption, audit batches): a raw query through
   * Prisma costs about five times the driver's CPU (258 µs against 51 µs for a one-row SELECT).
   */
  sql: Pick<SqlSession, "query">;
  /** Committed changes to cached state (lib/server/cache): live while the database is listened to. */
  changes: ChangeFeed;
  /** Runs `fn` with a raw session on one connection (migrations, advisory locks). */
  withSession<T>(fn: (sql: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; the embedded database when absent. */
  databaseUrl?: string;
  /** The embedded database's folder holds `pgdata/`; `memory` keeps it in memory (tests). */
  dataDir: string | "memory";
  poolSize?: number;
}

// Prisma's default waits only 2 s to start an interactive transaction. PGlite has one connection,
// so concurrent transactions queue behind each other, and a busy pool does the same on PostgreSQL:
// under load that wait ended in an error (a 500) rather than a slower answer.
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 20_000 };

/** Opens the embedded PGlite database (taking its folder's lock) or a PostgreSQL pool. */
export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openPglite(options.dataDir);
}

async function openPglite(dataDir: string): Promise<Database> {
  // Loaded only here: importing PGlite costs about 40 MB of resident memory, which an instance on
  // PostgreSQL would carry for nothing.
  const [{ PGlite }, { PrismaPGlite }] = await Promise.all([import("@electric-sql/pglite"), import("pglite-prisma-adapter")]);
  let db: PGlite;
  if (dataDir === "memory") {
    db = new PGlite();
  } else {
    lockDataDir(dataDir);
    db = new PGlite(path.join(dataDir, "pgdata"));
  }
  await db.waitReady;
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(db), transactionOptions: TRANSACTION_OPTIONS });
  const changes = new ChangeFeed();
  ChangeFeed.attach(prisma, changes);
  const stopListening = await listenPgliteChanges(db, changes);
  // One connection: PGlite serializes everything, so a raw session is the same connection.
  const session: SqlSession = {
    query: async (text, params) => ({ rows: (await db.query(text, params)).rows as never[] }),
    exec: (script) => db.exec(script),
  };
  AuditWriter.attach(prisma, session);
  return {
    kind: "pglite",
    prisma,
    sql: session,
    changes,
    withSession: (fn) => fn(session),
    async close() {
      await stopListening();
      await prisma.$disconnect();
      await db.close();
    },
  };
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server drops (a restart) is reported here, and without a
  // listener the process would exit; the next query on it fails and is answered 503.
  pool.on("error", () => undefined);
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS });
  const sql: Database["sql"] = { query: async (text, params) => ({ rows: (await pool.query(text, params)).rows }) };
  const changes = new ChangeFeed();
  ChangeFeed.attach(prisma, changes);
  AuditWriter.attach(prisma, sql);
  const stopListening = listenPostgresChanges(url, changes);
  return {
    kind: "postgres",
    prisma,
    sql,
    changes,
    async withSession(fn) {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        return await fn({ query: async (text, params) => ({ rows: (await client.query(text, params)).rows as never[] }), exec: (script) => client.query(script) });
      } finally {
        await client.end();
      }
    },
    async close() {
      await stopListening();
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
