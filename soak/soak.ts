import { mkdirSync } from "node:fs";
import path from "node:path";
import { ensureBuild } from "../bench/gatehouse/ensureBuild";
import { gatehouseEnv } from "../bench/gatehouse/gatehouseEnv";
import { startGatehouse } from "../bench/gatehouse/startGatehouse";
import { cleanupOnExit } from "../bench/lib/cleanupOnExit";
import { freePort } from "../bench/lib/freePort";
import { type PinnedProcess, stopAllPinned } from "../bench/lib/pinnedProcess";
import { checkInvariants, type Invariant } from "./checkInvariants";
import { formatSummary } from "./formatSummary";
import { probeReadiness } from "./probeReadiness";
import { type FlowRecord, runFlow } from "./runFlow";
import { type SoakOptions, soakOptions } from "./soakOptions";
import type { SoakContext } from "./soakRequest";
import { SoakStats } from "./SoakStats";
import { type SoakCluster, startSoakCluster } from "./startSoakCluster";

const ROOT = path.resolve(import.meta.dirname, "..");
const ORG = "soak";
const log = (message: string) => console.error(`[soak] ${message}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let cluster: SoakCluster | undefined;
async function cleanup() {
  await stopAllPinned();
  cluster?.destroy();
  cluster = undefined;
}
cleanupOnExit(cleanup, log);

async function main(options: SoakOptions): Promise<boolean> {
  ensureBuild(ROOT);
  const logDir = path.join(ROOT, "soak", "results", new Date().toISOString().replace(/[:.]/g, "-"));
  mkdirSync(logDir, { recursive: true });

  const [databasePort, portA, portB] = [await freePort(), await freePort(), await freePort()];
  cluster = await startSoakCluster(databasePort);
  log(`PostgreSQL 15 cluster of its own on 127.0.0.1:${databasePort} in ${cluster.dir}`);

  // Both instances are one deployment: the same secrets and the same PUBLIC_URL, so a token or a
  // session cookie from one is valid on the other and every issuer and resource identifier is the
  // same. The lean path builds request URLs from PUBLIC_URL, not from the Host it was reached on,
  // so each instance can be addressed on its own port. Registration is the one limit a single
  // loopback address reaches in a soak (every flow registers a client): it is raised through
  // GATEHOUSE_RATE_LIMIT_REGISTRATION; the sign-in and client-authentication limits count failures
  // only and stay as they are.
  const shared: NodeJS.ProcessEnv = {
    ...gatehouseEnv(portA, cluster.url),
    GATEHOUSE_ADMIN_EMAIL: "soak-owner@example.com",
    GATEHOUSE_ORG: ORG,
    GATEHOUSE_ORG_NAME: "Soak",
    GATEHOUSE_RATE_LIMIT_REGISTRATION: "1000000/1h",
  };
  const envOf = (port: number) => ({ ...shared, PORT: String(port) });
  const start = (name: string, port: number, core: number) => startGatehouse({ root: ROOT, core, env: envOf(port), logFile: path.join(logDir, `${name}-${Date.now()}.log`) });
  const instances: PinnedProcess[] = [start("a", portA, 0)];
  await instances[0]!.ready;
  instances.push(start("b", portB, 1));
  await instances[1]!.ready;
  const origins = [`http://127.0.0.1:${portA}`, `http://127.0.0.1:${portB}`];
  log(`instances A ${origins[0]} and B ${origins[1]}, PUBLIC_URL ${shared.PUBLIC_URL}; logs in ${path.relative(ROOT, logDir)}`);

  const stats = new SoakStats();
  const ctx: SoakContext = { stats, origins, timeoutMs: options.timeoutSec * 1000 };
  const flows: FlowRecord[] = [];
  const runEndsAt = performance.now() + options.seconds * 1000;
  let started = 0;
  const settings = { org: ORG, owner: { email: shared.GATEHOUSE_ADMIN_EMAIL!, password: shared.GATEHOUSE_ADMIN_PASSWORD! }, rotations: options.rotations };
  let faultsOver = false;
  // New flows start until the time is up and every fault has happened and passed, so that the last
  // faults also meet flows under way however long the restarts took.
  const worker = async () => {
    while (performance.now() < runEndsAt || !faultsOver) {
      const id = started++;
      flows.push(await runFlow(ctx, id, { ...settings, deadline: performance.now() + options.flowLimitSec * 1000 }));
    }
  };

  // The faults, one after the other, at fixed points of the run.
  const faults = async () => {
    const at = (fraction: number) => sleep(Math.max(0, stats.startedAt + fraction * options.seconds * 1000 - performance.now()));
    await at(0.2);
    let t = stats.now();
    log("fault: PostgreSQL restart (pg_ctl restart -m fast)");
    stats.fault("PostgreSQL restarted (pg_ctl restart -m fast)", t, await cluster!.restart());

    await at(0.45);
    t = stats.now();
    log("fault: instance A killed (SIGKILL), then started again");
    const killed = instances[0]!;
    process.kill(killed.pid, "SIGKILL");
    await killed.stop(1000);
    instances[0] = start("a", portA, 0);
    await instances[0].ready;
    stats.fault("instance A killed (SIGKILL) and started again, until ready", t, stats.now() - t);

    await at(0.7);
    t = stats.now();
    log(`fault: PostgreSQL stopped for ${options.databaseDownSec} s (pg_ctl stop -m fast, start)`);
    stats.fault(`PostgreSQL stopped ${options.databaseDownSec} s, then started (pg_ctl stop -m fast / start)`, t, await cluster!.stopFor(options.databaseDownSec * 1000));
  };

  const progress = setInterval(() => {
    log(`${Math.round(stats.now() / 1000)} s: ${flows.filter((f) => f.completed).length} flows completed, ${started - flows.length} under way, ${stats.count(() => true)} answers, ${stats.count((s) => s === 503)} × 503, ${[...stats.errors].map(([k, n]) => `${k} ${n}`).join(", ") || "no errors"}`);
  }, 15_000);
  const probes = probeReadiness(stats, origins, ctx.timeoutMs);
  const faultsDone = faults().finally(() => (faultsOver = true));
  await Promise.all([...Array.from({ length: options.concurrency }, worker), faultsDone]);
  clearInterval(progress);
  const outages = probes.stop();
  log(`run over: ${flows.length} flows; checking the invariants`);

  const invariants: Invariant[] = await checkInvariants(ctx, stats, flows, cluster.url, ORG, options.timeoutSec * 1000);
  const settingsLine = `${options.seconds} s, ${options.concurrency} concurrent flows, ${options.rotations} rotations each, timeout ${options.timeoutSec} s, 2 instances on 1 PostgreSQL 15`;
  console.log(formatSummary({ stats, flows, invariants, settings: settingsLine, outages }));
  return invariants.every((i) => i.held);
}

let ok = false;
try {
  ok = await main(soakOptions(process.argv.slice(2)));
} catch (error) {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
