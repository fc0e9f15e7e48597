import { randomBytes } from "node:crypto";

/** The bench org and its owner, created by Gatehouse's own start-up bootstrap (GATEHOUSE_ADMIN_*). */
export const BENCH_ORG = "bench";
export const BENCH_OWNER_EMAIL = "bench-owner@example.com";

/**
 * The environment of the Gatehouse server and of the commands run against its database: the
 * production configuration on PostgreSQL, secrets random for this run, the public origin the
 * loopback port (issuers and resource identifiers derive from it, so every process must agree).
 * Variables of the caller's own environment that would change the configuration are replaced.
 */
export function gatehouseEnv(port: number, databaseUrl: string): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    HOST: "127.0.0.1",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: databaseUrl,
    GATEHOUSE_SESSION_SECRET: randomBytes(48).toString("base64"),
    GATEHOUSE_SECRET_KEY: randomBytes(48).toString("base64"),
    GATEHOUSE_AUTO_MIGRATE: "true",
    GATEHOUSE_ADMIN_EMAIL: BENCH_OWNER_EMAIL,
    GATEHOUSE_ADMIN_PASSWORD: randomBytes(18).toString("base64url"),
    GATEHOUSE_ORG: BENCH_ORG,
    GATEHOUSE_ORG_NAME: "Bench",
    GATEHOUSE_CIMD_ALLOW_LOOPBACK: "false",
  };
}
