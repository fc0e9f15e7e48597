import { randomBytes } from "node:crypto";
import pg from "pg";

export interface BenchDatabase {
  name: string;
  /** postgresql:// URL of the fresh database. */
  url: string;
  /** Drops it (connections closed by force). Idempotent. */
  drop(): Promise<void>;
}

/**
 * A fresh, empty PostgreSQL database for one run (`gatehouse_bench_<random>`), created through the
 * maintenance database at `adminUrl`, so a run never touches anyone else's data and starts from the
 * same state; Gatehouse applies its migrations to it at start-up.
 */
export async function createBenchDatabase(adminUrl: string): Promise<BenchDatabase> {
  const name = `gatehouse_bench_${randomBytes(4).toString("hex")}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE "${name}"`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    name,
    url: url.toString(),
    async drop() {
      if (dropped) return;
      dropped = true;
      await withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(adminUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
