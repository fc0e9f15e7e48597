import type { SoakStats } from "./SoakStats";

/** A span during which an instance's readiness probe did not answer 200. */
export interface Outage {
  instance: number;
  /** 503 (with Retry-After) from the readiness endpoint, no connection at all, or the connection cut or timed out. */
  kind: "503" | "refused" | "no answer";
  fromMs: number;
  toMs: number;
}

/**
 * Polls `GET /api/health/ready` of every instance once a second, as a load balancer's health
 * check does, until `stop()`: the outages it returns are the soak's outage durations as an
 * operator's monitoring would see them. A 503 must carry Retry-After (counted like any other 503);
 * a probe with no answer within `timeoutMs` is a hang, like any other request.
 */
export function probeReadiness(stats: SoakStats, origins: readonly string[], timeoutMs: number): { stop(): Outage[] } {
  const outages: Outage[] = [];
  const open = new Map<number, Outage>();
  const note = (instance: number, kind: Outage["kind"] | null) => {
    const now = stats.now();
    const current = open.get(instance);
    if (current && current.kind === kind) {
      current.toMs = now;
      return;
    }
    if (current) open.delete(instance);
    if (kind) {
      const outage = { instance, kind, fromMs: now, toMs: now };
      outages.push(outage);
      open.set(instance, outage);
    }
  };
  const timer = setInterval(() => {
    origins.forEach((origin, instance) => {
      const started = performance.now();
      fetch(`${origin}/api/health/ready`, { signal: AbortSignal.timeout(timeoutMs) })
        .then(async (response) => {
          await response.arrayBuffer();
          stats.answered("health/ready (probe)", response.status, performance.now() - started);
          if (response.status === 503 && !(Number(response.headers.get("retry-after")) >= 0)) {
            stats.missingRetryAfter++;
            stats.failed("503 without Retry-After", `readiness probe of instance ${instance}`);
          }
          if (response.status >= 500 && response.status !== 503) stats.failed(`${response.status} (5xx other than 503)`, `readiness probe of instance ${instance}`);
          note(instance, response.status === 200 ? null : "503");
        })
        .catch((error: { name?: string; cause?: { code?: string } }) => {
          if (error.name === "TimeoutError") stats.failed("timeout (no answer in time)", `readiness probe of instance ${instance}`);
          note(instance, error.cause?.code === "ECONNREFUSED" ? "refused" : "no answer");
        });
    });
  }, 1000);
  return {
    stop() {
      clearInterval(timer);
      return outages;
    },
  };
}
