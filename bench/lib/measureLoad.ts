import autocannon, { type AutocannonOptions } from "autocannon";
import { performance } from "node:perf_hooks";
import { databaseCpuMicros, processCpuMicros, processMemoryMiB } from "./procStats";

/** What to send: autocannon's options without its timing, which measureLoad owns. */
export type LoadSpec = Omit<AutocannonOptions, "duration" | "amount"> & { connections: number };

export interface Timing {
  warmupSec: number;
  durationSec: number;
}

export interface Measurement {
  connections: number;
  durationSec: number;
  /** Responses received in the measured window, whatever their status. */
  completed: number;
  /** Requests sent, including those still in flight when the window closed (the server still served them). */
  sent: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  meanMs: number;
  /** The server's CPU time (user + system, all threads) over the window, per completed request. */
  cpuUsPerReq: number;
  /** The server's CPU time over the window / the window: 1 is one core kept busy; below, it waited (database, or CPU taken by others). */
  serverCoreShare: number;
  /** The same for the PostgreSQL backends of the bench database, or null when the server has none. */
  dbCpuUsPerReq: number | null;
  /** The server's resident memory at the end of the window and its peak so far (MiB). */
  rssMiB: number;
  peakRssMiB: number;
  non2xx: number;
  errors: number;
  statusCodes: Record<string, number>;
}

/**
 * One measurement: a warm-up (JIT, pools, caches; discarded), then `durationSec` of load whose
 * throughput, latency percentiles and server CPU per request are returned.
 *
 * Latency is taken from autocannon's per-response event (process.hrtime, sub-millisecond), not
 * from its histogram, which rounds to whole milliseconds: too coarse for a 1 ms target.
 */
export async function measureLoad(spec: LoadSpec, observed: { pid: number; database?: string }, timing: Timing): Promise<Measurement> {
  if (timing.warmupSec > 0) await autocannon({ ...spec, duration: timing.warmupSec });

  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  const cpuBefore = processCpuMicros(observed.pid);
  const dbBefore = observed.database ? databaseCpuMicros(observed.database) : 0;
  const started = performance.now();
  const job = autocannon({ ...spec, duration: timing.durationSec });
  job.on("response", (_client, statusCode, _bytes, responseTime) => {
    latencies.push(responseTime);
    statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
  });
  const result = await job;
  const elapsedSec = (performance.now() - started) / 1000;
  const cpu = processCpuMicros(observed.pid) - cpuBefore;
  const db = observed.database ? databaseCpuMicros(observed.database) - dbBefore : null;
  const memory = processMemoryMiB(observed.pid);

  const completed = latencies.length;
  const sorted = Float64Array.from(latencies).sort();
  const percentile = (p: number) => (completed === 0 ? NaN : sorted[Math.min(completed - 1, Math.floor((p / 100) * completed))]!);
  const perRequest = (micros: number) => (completed === 0 ? NaN : micros / completed);
  return {
    connections: spec.connections,
    durationSec: round(elapsedSec, 2),
    completed,
    sent: result.requests.sent,
    rps: round(completed / elapsedSec, 0),
    p50Ms: round(percentile(50), 3),
    p99Ms: round(percentile(99), 3),
    meanMs: round(completed === 0 ? NaN : latencies.reduce((a, b) => a + b, 0) / completed, 3),
    cpuUsPerReq: round(perRequest(cpu), 0),
    serverCoreShare: round(cpu / 1e6 / elapsedSec, 2),
    dbCpuUsPerReq: db === null ? null : round(perRequest(db), 0),
    rssMiB: round(memory.rss, 1),
    peakRssMiB: round(memory.peak, 1),
    non2xx: Object.entries(statusCodes).reduce((n, [code, count]) => (code.startsWith("2") ? n : n + count), 0),
    errors: result.errors + result.timeouts,
    statusCodes,
  };
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
