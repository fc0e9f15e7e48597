import { existsSync, readFileSync, rmSync } from "node:fs";

export interface QuerySnapshot {
  total: number;
  byStatement: Record<string, number>;
  /** process.memoryUsage() of the server, in bytes. */
  memory: Record<string, number>;
}

/**
 * Asks the server (preloaded with countQueries.mjs) for its statement counts: SIGUSR2, then the file
 * it writes synchronously in its signal handler, polled until it appears.
 */
export async function querySnapshot(pid: number, file: string): Promise<QuerySnapshot> {
  rmSync(file, { force: true });
  process.kill(pid, "SIGUSR2");
  for (let i = 0; i < 200; i++) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, "utf8")) as QuerySnapshot;
      } catch {
        // Still being written.
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error("the server did not write its query counts (is countQueries.mjs preloaded?)");
}

/** Statements per request between two snapshots, most frequent first. */
export function queriesPerRequest(before: QuerySnapshot, after: QuerySnapshot, requests: number) {
  const perStatement = Object.entries(after.byStatement)
    .map(([sql, n]) => ({ sql, perRequest: round((n - (before.byStatement[sql] ?? 0)) / requests) }))
    .filter((s) => s.perRequest > 0.001)
    .sort((a, b) => b.perRequest - a.perRequest);
  return { perRequest: round((after.total - before.total) / requests), perStatement };
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
