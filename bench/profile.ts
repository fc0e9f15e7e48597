// `npx tsx bench/profile.ts`: where Gatehouse's CPU goes on its hot requests, and how many database
// round trips each makes. Same set-up as `npm run bench` (fresh database, server on core 0, load
// from core 1), but the server runs under V8's sampling profiler (--cpu-prof) with a preload that
// counts statements (countQueries.mjs); each scenario's measured window is cut out of the one
// profile by time. Writes bench/results/profile-<stamp>/summary.json and summary.md.
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { ensureBuild } from "./gatehouse/ensureBuild";
import { gatehouseEnv } from "./gatehouse/gatehouseEnv";
import { setupGatehouse } from "./gatehouse/setupGatehouse";
import { startGatehouse } from "./gatehouse/startGatehouse";
import { benchConfig } from "./lib/benchConfig";
import { type BenchDatabase, createBenchDatabase } from "./lib/benchDatabase";
import { cleanupOnExit } from "./lib/cleanupOnExit";
import { freePort } from "./lib/freePort";
import { measureLoad } from "./lib/measureLoad";
import { pinSelf } from "./lib/pinSelf";
import { NICE, raiseDatabasePriority, raiseOwnPriority } from "./lib/priority";
import { startPinned, stopAllPinned } from "./lib/pinnedProcess";
import { queriesPerRequest, querySnapshot } from "./profile/querySnapshot";
import { type CpuProfile, summarizeWindow } from "./profile/summarizeCpuProfile";
import { formatProfileReport } from "./profile/formatProfileReport";
import { gatehouseScenarios } from "./scenarios/gatehouseScenarios";
import { gatewayScenarios } from "./scenarios/gatewayScenarios";
import type { Scenario } from "./scenarios/Scenario";

const ROOT = path.resolve(import.meta.dirname, "..");
const config = benchConfig();
const PROFILED = (process.env.BENCH_PROFILE_SCENARIOS || "token.client_credentials,introspection,token.refresh_token,gateway").split(",");
const stamp = new Date().toISOString().replace(/[:.]/g, "-");
const outDir = path.join(ROOT, "bench", "results", `profile-${stamp}`);
const queryLog = path.join(outDir, "queries.json");
const log = (message: string) => console.error(`[profile] ${message}`);
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));

let database: BenchDatabase | undefined;
async function cleanup() {
  await stopAllPinned();
  await database?.drop().catch(() => undefined);
}
cleanupOnExit(cleanup, log);

async function main() {
  ensureBuild(ROOT);
  pinSelf(config.loadCore);
  raiseOwnPriority();
  mkdirSync(outDir, { recursive: true });
  database = await createBenchDatabase(config.adminDatabaseUrl);
  const upstreamPort = await freePort();
  const upstream = startPinned({ name: "upstream", core: config.loadCore, command: process.execPath, args: [path.join(ROOT, "bench/upstream/upstreamMcpServer.mjs"), String(upstreamPort)], cwd: ROOT, logFile: path.join(outDir, "upstream.log"), readyPattern: /^ready /, timeoutMs: 30_000 });
  const upstreamUrl = (await upstream.ready).slice("ready ".length);

  const port = await freePort();
  const env = { ...gatehouseEnv(port, database.url), BENCH_QUERY_LOG: queryLog };
  const nodeArgs = ["--cpu-prof", "--cpu-prof-dir", outDir, "--cpu-prof-interval", "250", "--import", pathToFileURL(path.join(ROOT, "bench/profile/countQueries.mjs")).href];
  const gatehouse = startGatehouse({ root: ROOT, core: config.serverCore, env, logFile: path.join(outDir, "gatehouse.log"), nodeArgs });
  await gatehouse.ready;
  const fixture = await setupGatehouse({ root: ROOT, env, origin: `http://127.0.0.1:${port}`, databaseUrl: database.url, upstreamUrl, poolSize: 30_000 });

  const scenarios: Scenario[] = [...gatehouseScenarios(fixture, config.connections), ...("url" in fixture.gateway ? gatewayScenarios(upstreamUrl, fixture.gateway, config.connections) : [])];
  const idleMemory = (await querySnapshot(gatehouse.pid, queryLog)).memory;
  let loadedMemory: Record<string, number> = {};
  const windows: { scenario: Scenario; startUs: number; endUs: number; requests: number; rps: number; cpuUsPerReq: number; queries: ReturnType<typeof queriesPerRequest> }[] = [];
  for (const id of PROFILED) {
    const scenario = scenarios.find((s) => s.id === id);
    if (!scenario) {
      log(`${id}: not available, skipped`);
      continue;
    }
    raiseDatabasePriority(database.name);
    await measureLoad(scenario.spec, { pid: gatehouse.pid }, { warmupSec: 0, durationSec: Math.max(config.warmupSec, 3) });
    // Statement counts: the requests left in flight by the previous run finish before the first
    // snapshot, and this run's before the second, which is divided by the requests sent.
    await settle();
    const before = await querySnapshot(gatehouse.pid, queryLog);
    const startUs = nowUs();
    const m = await measureLoad(scenario.spec, { pid: gatehouse.pid }, { warmupSec: 0, durationSec: config.durationSec });
    const endUs = nowUs();
    await settle();
    const after = await querySnapshot(gatehouse.pid, queryLog);
    loadedMemory = after.memory;
    windows.push({ scenario, startUs, endUs, requests: m.completed, rps: m.rps, cpuUsPerReq: m.cpuUsPerReq, queries: queriesPerRequest(before, after, m.sent) });
    log(`${id}: ${m.rps} req/s, ${m.cpuUsPerReq} µs CPU/req (under the profiler), ${windows.at(-1)!.queries.perRequest} statements/req${m.non2xx ? `, ${m.non2xx} non-2xx` : ""}`);
  }

  // Price one round trip: Prisma against pg alone, on the server's core while the server idles.
  const cost = spawnSync("nice", ["-n", String(NICE), "taskset", "-c", String(config.serverCore), process.execPath, "--import", "tsx", path.join(ROOT, "bench/profile/queryCost.ts"), database.url, fixture.org], { cwd: ROOT, env, encoding: "utf8", timeout: 120_000 });
  const queryCost = cost.status === 0 ? (JSON.parse(cost.stdout.trim().split("\n").at(-1)!) as Record<string, { usPerCall: number; wallUsPerCall: number }>) : null;
  if (!queryCost) log(`query cost not measured: ${cost.stderr.slice(0, 300)}`);

  await gatehouse.stop(20_000);
  // One profile per thread (CPU.<date>.<time>.<pid>.<thread>.<seq>.cpuprofile): the main thread's, thread 0, is the server.
  const file = readdirSync(outDir).find((f) => /\.0\.\d+\.cpuprofile$/.test(f)) ?? readdirSync(outDir).find((f) => f.endsWith(".cpuprofile"));
  if (!file) throw new Error(`the server wrote no CPU profile in ${outDir}`);
  const profile = JSON.parse(readFileSync(path.join(outDir, file), "utf8")) as CpuProfile;
  const summary = windows.map((w) => ({
    id: w.scenario.id,
    label: w.scenario.label,
    window: { startUs: w.startUs, endUs: w.endUs },
    requests: w.requests,
    rps: w.rps,
    cpuUsPerReq: w.cpuUsPerReq,
    queries: w.queries,
    profile: summarizeWindow(profile, w, w.requests),
  }));
  writeFileSync(path.join(outDir, "summary.json"), `${JSON.stringify({ scenarios: summary, queryCost, memory: { idle: idleMemory, afterLoad: loadedMemory } }, null, 2)}\n`);
  const report = formatProfileReport(summary, queryCost, { idle: idleMemory, afterLoad: loadedMemory });
  writeFileSync(path.join(outDir, "summary.md"), report);
  console.log(report);
  log(`profile and summary in ${path.relative(ROOT, outDir)}`);
  await cleanup();
}

try {
  await main();
  process.exit(0);
} catch (error) {
  console.error("[profile] failed:", error);
  await cleanup();
  process.exit(1);
}
