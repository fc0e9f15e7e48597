// `npm run bench` (issue 6): Gatehouse's production server on a fresh PostgreSQL database and
// node-oidc-provider doing the same work, one after the other on core 0, loaded by autocannon from
// this process on core 1. Prints one table and writes the figures to bench/results/. See
// bench/README.md for what is measured and how.
import { mkdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { ensureBuild } from "./gatehouse/ensureBuild";
import { gatehouseEnv } from "./gatehouse/gatehouseEnv";
import { seedRefreshPool } from "./gatehouse/seedPools";
import { seedMillion } from "./gatehouse/seedMillion";
import { setupGatehouse } from "./gatehouse/setupGatehouse";
import { startGatehouse } from "./gatehouse/startGatehouse";
import { benchConfig } from "./lib/benchConfig";
import { createBenchDatabase, type BenchDatabase } from "./lib/benchDatabase";
import { cleanupOnExit } from "./lib/cleanupOnExit";
import { freePort } from "./lib/freePort";
import { httpCallExpecting, basicAuthorization } from "./lib/httpCall";
import { machineInfo } from "./lib/machineInfo";
import { type Measurement, measureLoad } from "./lib/measureLoad";
import { pinSelf } from "./lib/pinSelf";
import { type PinnedProcess, startPinned, stopAllPinned } from "./lib/pinnedProcess";
import { formatTable } from "./lib/printTable";
import { NICE, raiseDatabasePriority, raiseOwnPriority } from "./lib/priority";
import { processMemoryMiB } from "./lib/procStats";
import { evaluate } from "./lib/targets";
import { gatehouseScenarios, millionScenarios } from "./scenarios/gatehouseScenarios";
import { gatewayScenarios } from "./scenarios/gatewayScenarios";
import { type PeerInfo, peerScenarios } from "./scenarios/peerScenarios";
import type { Scenario } from "./scenarios/Scenario";

const ROOT = path.resolve(import.meta.dirname, "..");
const RESULTS = path.join(ROOT, "bench", "results");
const config = benchConfig();
// `--only gateway`: the four gateway rows alone (direct and proxied, 16 and 1 connections), with
// the set-up they need and nothing else; their ratios are taken in the same run as ever.
const only = process.argv.includes("--only") ? process.argv[process.argv.indexOf("--only") + 1] : undefined;
if (only !== undefined && only !== "gateway") throw new Error(`--only takes "gateway", not ${JSON.stringify(only)}`);
const gatewayOnly = only === "gateway";
const machine = machineInfo();
const stamp = machine.date.replace(/[:.]/g, "-");
const logDir = path.join(RESULTS, "logs", stamp);
const log = (message: string) => console.error(`[bench] ${message}`);

let database: BenchDatabase | undefined;
async function cleanup() {
  await stopAllPinned();
  await database?.drop().catch((error: unknown) => log(`could not drop ${database?.name}: ${String(error)}`));
}
cleanupOnExit(cleanup, log);

const results = new Map<string, Measurement>();
const notMeasured = new Map<string, string>();
const pids: Record<Scenario["system"], number> = { gatehouse: 0, peer: 0, upstream: 0 };

async function measure(scenarios: Scenario[]) {
  for (const s of scenarios) {
    raiseDatabasePriority(database!.name);
    const m = await measureLoad(s.spec, { pid: pids[s.system], database: s.system === "gatehouse" ? database!.name : undefined }, config);
    results.set(s.id, m);
    // Which load grows Gatehouse's memory: its RSS and peak so far after each of its rows.
    const memory = s.system === "gatehouse" ? processMemoryMiB(pids.gatehouse) : null;
    const rss = memory ? `, RSS ${memory.rss.toFixed(0)} MiB (peak ${memory.peak.toFixed(0)})` : "";
    log(`${s.id}: ${m.rps} req/s, p50 ${m.p50Ms} ms, p99 ${m.p99Ms} ms, ${m.cpuUsPerReq} µs CPU/req${rss}${m.non2xx ? `, ${m.non2xx} non-2xx ${JSON.stringify(m.statusCodes)}` : ""}`);
  }
}

async function startHelper(name: string, core: number, script: string, port: number): Promise<{ process: PinnedProcess; line: string }> {
  const child = startPinned({ name, core, command: process.execPath, args: [path.join(ROOT, script), String(port)], cwd: ROOT, logFile: path.join(logDir, `${name}.log`), readyPattern: /^ready /, timeoutMs: 30_000 });
  return { process: child, line: (await child.ready).slice("ready ".length) };
}

async function main() {
  // The one-time build uses both cores; only then is the benchmark pinned.
  ensureBuild(ROOT);
  pinSelf(config.loadCore);
  if (!raiseOwnPriority()) log(`could not raise the priority (BENCH_NICE=${NICE}, needs root): running at normal priority`);
  // Two cores: anything else running (tests, builds, browsers) takes CPU from the server or the load
  // generator and the figures drop with it. Said up front and recorded with the figures.
  if (machine.loadAverageAtStart[0]! > 1) log(`warning: load average ${machine.loadAverageAtStart.join(" ")}: other work is running on this machine; the figures will be low and noisy`);
  mkdirSync(logDir, { recursive: true });
  const deadline = setTimeout(() => {
    log(`the run passed its ${config.deadlineMin} minute limit: stopping`);
    void cleanup().finally(() => process.exit(1));
  }, config.deadlineMin * 60_000);
  deadline.unref();

  database = await createBenchDatabase(config.adminDatabaseUrl);
  const postgres = await postgresVersion(database.url);
  log(`database ${database.name} on PostgreSQL ${postgres}`);
  // The upstream MCP server shares the load generator's core: the gateway under test keeps core 0 to itself.
  const upstream = await startHelper("upstream", config.loadCore, "bench/upstream/upstreamMcpServer.mjs", await freePort());
  pids.upstream = upstream.process.pid;

  const port = await freePort();
  const env = gatehouseEnv(port, database.url);
  const gatehouse = startGatehouse({ root: ROOT, core: config.serverCore, env, logFile: path.join(logDir, "gatehouse.log"), nodeArgs: config.nodeArgs });
  await gatehouse.ready;
  pids.gatehouse = gatehouse.pid;
  log(`gatehouse pid ${gatehouse.pid} on core ${config.serverCore}, http://127.0.0.1:${port}`);

  const fixture = await setupGatehouse({ root: ROOT, env, origin: `http://127.0.0.1:${port}`, databaseUrl: database.url, upstreamUrl: upstream.line, poolSize: gatewayOnly ? 1 : config.poolSize });
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const idle = processMemoryMiB(gatehouse.pid);
  log(`set up; idle RSS ${idle.rss.toFixed(1)} MiB`);

  if (!gatewayOnly) await measure(gatehouseScenarios(fixture, config.connections));
  if ("url" in fixture.gateway) {
    await measure(gatewayScenarios(upstream.line, fixture.gateway, config.connections));
  } else {
    for (const id of ["gateway", "gateway.1conn", "upstream.direct", "upstream.direct.1conn"]) notMeasured.set(id, fixture.gateway.notMeasured);
    log(`gateway not measured: ${fixture.gateway.notMeasured}`);
  }
  const afterLoad = processMemoryMiB(gatehouse.pid);

  // The peer, alone on core 0: Gatehouse stays up but idle.
  let peerInfo: PeerInfo | null = null;
  if (!gatewayOnly) {
    const peer = await startHelper("peer", config.serverCore, "bench/peer/oidcProviderServer.mjs", await freePort());
    peerInfo = JSON.parse(peer.line) as PeerInfo;
    pids.peer = peer.process.pid;
    const opaque = await httpCallExpecting(200, "peer opaque token", `${peerInfo.origin}/token`, {
      form: { grant_type: "client_credentials", resource: peerInfo.opaqueResource, scope: "mcp:tools" },
      headers: { authorization: basicAuthorization(peerInfo.client_id, peerInfo.client_secret) },
    });
    await measure(peerScenarios(peerInfo, String(opaque.access_token), config.connections));
    await peer.process.stop();
  }

  let scale: Awaited<ReturnType<typeof seedMillion>> | null = null;
  if (config.scaleRows > 0 && !gatewayOnly) {
    const db = new pg.Client({ connectionString: database.url });
    await db.connect();
    try {
      log(`writing ${config.scaleRows} grants and refresh tokens`);
      scale = await seedMillion(db, { clientRowId: fixture.genuine.publicClientRowId, grantId: fixture.genuine.grantId, refreshTokenId: fixture.genuine.refreshTokenId }, config.scaleRows);
      log(`written in ${scale.seconds} s`);
      const refreshTokens = await seedRefreshPool(db, fixture.genuine.refreshToken, config.poolSize);
      await db.query("CHECKPOINT");
      await measure(millionScenarios(fixture, refreshTokens, config.connections));
    } finally {
      await db.end();
    }
  } else {
    for (const id of ["token.client_credentials@1M", "token.refresh_token@1M", "introspection@1M"]) notMeasured.set(id, "BENCH_SCALE_ROWS=0");
  }
  const final = processMemoryMiB(gatehouse.pid);
  const loadAverageAtEnd = os.loadavg().map((n) => Math.round(n * 100) / 100);
  await cleanup();
  clearTimeout(deadline);

  const order = [
    ...(gatewayOnly ? [] : gatehouseScenarios(fixture, 1)),
    ...gatewayScenarios("http://x/", { url: "http://x/", token: "" }, 1),
    ...(peerInfo ? peerScenarios(peerInfo, "", 1) : []),
    ...(gatewayOnly ? [] : millionScenarios(fixture, [], 1)),
  ].map(({ id, label }) => ({ id, label: id === "gateway.1conn" ? "gateway added latency (1 conn)" : label }));
  const rows = evaluate(order, results, notMeasured);
  const peak = Math.max(afterLoad.peak, final.peak);
  const memory = [
    { label: "RSS idle (after set-up)", value: `${idle.rss.toFixed(0)} MiB`, target: "", met: null },
    { label: "RSS under load (peak, VmHWM)", value: `${peak.toFixed(0)} MiB`, target: "≤ 300 MB", met: peak * 1.048576 <= 300 },
  ];
  const table = formatTable(rows, memory);
  const heading = `Gatehouse benchmark, ${machine.date.slice(0, 16).replace("T", " ")} UTC: ${machine.nproc} × ${machine.cpuModel}, Node ${machine.node}; server on core ${config.serverCore}, autocannon on core ${config.loadCore}; nice ${NICE}; ${config.connections} connections, ${config.warmupSec} s warm-up + ${config.durationSec} s per row; PostgreSQL ${postgres} on the same machine; load average ${machine.loadAverageAtStart[0]} at start, ${loadAverageAtEnd[0]} at end`;
  console.log(`\n${heading}\n\n${table}\n`);

  const report = {
    machine: { ...machine, postgres, loadAverageAtEnd },
    config,
    table: `${heading}\n\n${table}`,
    rows: rows.map(({ m, ...row }) => ({ ...row, ...(m ?? {}) })),
    memoryMiB: { idle: idle.rss, afterLoad: afterLoad.rss, peak },
    scale,
    notMeasured: Object.fromEntries(notMeasured),
  };
  mkdirSync(RESULTS, { recursive: true });
  const json = `${JSON.stringify(report, null, 2)}\n`;
  // A partial run does not replace the latest full one.
  writeFileSync(path.join(RESULTS, `${gatewayOnly ? "gateway-" : ""}${stamp}.json`), json);
  if (!gatewayOnly) writeFileSync(path.join(RESULTS, "latest.json"), json);
  log(`figures written to bench/results/${gatewayOnly ? `gateway-${stamp}.json` : `${stamp}.json and bench/results/latest.json`}; logs in ${path.relative(ROOT, logDir)}`);
}

async function postgresVersion(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ server_version: string }>("SHOW server_version")).rows[0]!.server_version;
  } finally {
    await client.end();
  }
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error("[bench] failed:", error);
  await cleanup();
  process.exit(1);
}
