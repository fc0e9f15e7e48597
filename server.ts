// `npm start`: validates the configuration, opens the database (locking the embedded one, applying
// pending migrations, running the env bootstrap), builds the app when no build exists, then serves
// it. One process, so the embedded database is opened exactly once.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import path from "node:path";

(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
// Source maps stay off unless asked for. With them on (tsx turns them on when it runs this file),
// Node keeps the map of every module it loads (Next's chunks, the TypeScript sources embedded in
// them): about 45 MB of live heap, a quarter of an idle instance. Stack traces then point into the
// compiled code; `--enable-source-maps` keeps the maps (scripts/start.mjs writes the bundle's).
const wantsSourceMaps = [...process.execArgv, process.env.NODE_OPTIONS ?? ""].some((arg) => arg.includes("--enable-source-maps"));
if (!wantsSourceMaps) process.setSourceMapsEnabled(false);
// Next reads NODE_ENV when it loads, so it is imported only after it is set.
const { ConfigError } = await import("./lib/server/config/ConfigError");
const { getConfig } = await import("./lib/server/config/getConfig");
const { DatabaseLockedError } = await import("./lib/server/db/DatabaseLockedError");
const { MigrationError } = await import("./lib/server/db/applyMigrations");
const { getDatabase } = await import("./lib/server/db/getDatabase");
const { createRequestListener } = await import("./lib/server/http/createRequestListener");
const { startMaintenance } = await import("./lib/server/maintenance/startMaintenance");

function fail(message: string): never {
  console.error(`[gatehouse] ${message}`);
  process.exit(1);
}

async function main() {
  let config;
  try {
    config = getConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }

  let db;
  try {
    db = await getDatabase();
  } catch (error) {
    if (error instanceof DatabaseLockedError || error instanceof MigrationError) fail(error.message);
    fail(`Cannot open the database: ${error instanceof Error ? error.message : String(error)}`);
  }
  console.log(`[gatehouse] database: ${db.kind === "pglite" ? `embedded (${path.join(config.dataDir, "pgdata")})` : "PostgreSQL"}`);

  const dir = process.cwd();
  if (!existsSync(path.join(dir, ".next", "BUILD_ID"))) {
    console.log("[gatehouse] no production build yet: running `next build` (about a minute, once)");
    const build = spawnSync(process.execPath, [path.join(dir, "node_modules/next/dist/bin/next"), "build"], { stdio: "inherit", env: process.env });
    if (build.status !== 0) fail("`next build` failed; see its output above");
  }

  const { default: next } = await import("next");
  const app = next({ dev: false, dir, hostname: config.host, port: config.port });
  await app.prepare();
  const handle = app.getRequestHandler();
  // Protocol endpoints skip Next's request pipeline (about 0.8 ms of CPU each); pages go to Next.
  const server = createServer(
    createRequestListener(config.publicUrl, (req, res) => handle(req, res), {
      trustProxyHops: config.trustProxyHops,
      // PostgreSQL: the change feed's connection drops the moment the server goes away, and comes
      // back within seconds of its return. The embedded database cannot go away.
      databaseUnreachable: () => db.kind === "postgres" && !db.changes.live,
    }),
  );
  // Node waits 300 s for a request by default; a client that trickles its headers or body holds a
  // socket that long. Streams (the gateway's SSE) are responses, which these limits do not cover.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;
  const maintenance = startMaintenance();
  server.on("error", (error: NodeJS.ErrnoException) => {
    fail(error.code === "EADDRINUSE" ? `Port ${config.port} is in use: set PORT to another port` : error.message);
  });
  server.listen(config.port, config.host, () => {
    console.log(`[gatehouse] ready on ${config.publicUrl} (listening on ${config.host}:${config.port})`);
  });

  const shutdown = (signal: string) => {
    console.log(`[gatehouse] ${signal}: shutting down`);
    maintenance.stop();
    server.close();
    server.closeAllConnections();
    db.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.once("SIGTERM", () => shutdown("SIGTERM"));
  process.once("SIGINT", () => shutdown("SIGINT"));
}

await main();
