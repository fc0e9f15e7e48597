import { getDatabase } from "../db/getDatabase";
import { cleanupExpiredRows } from "./cleanupExpiredRows";

export interface Maintenance {
  stop(): void;
}

/**
 * Runs cleanupExpiredRows in the server process: first after a random delay of one to five minutes
 * (instances started together do not all try at once; the advisory lock makes the losers skip
 * anyway), then every `intervalMs`. The timers are unref'd, so they never keep the process alive,
 * and a failed run (the database restarting) is logged and retried at the next tick. Runs never
 * overlap in one process.
 *
 * Call once from server.ts after the database is open; `npx gatehouse cleanup` runs the same
 * cleanup by hand or from cron.
 */
export function startMaintenance(options: { intervalMs?: number; firstRunMs?: number; log?: (line: string) => void } = {}): Maintenance {
  const intervalMs = options.intervalMs ?? 3600_000;
  const log = options.log ?? ((line: string) => console.log(line));
  let running = false;
  const run = async () => {
    if (running) return;
    running = true;
    try {
      const db = await getDatabase();
      const report = await db.withSession((sql) => cleanupExpiredRows(sql));
      const total = Object.values(report.deleted).reduce((a, b) => a + b, 0);
      if (total > 0) log(`[gatehouse] cleanup deleted ${Object.entries(report.deleted).filter(([, n]) => n > 0).map(([k, n]) => `${n} ${k}`).join(", ")}`);
    } catch (error) {
      log(`[gatehouse] cleanup failed, retrying in ${Math.round(intervalMs / 60_000)} min: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = false;
    }
  };
  const first = setTimeout(run, options.firstRunMs ?? 60_000 + Math.floor(Math.random() * 240_000));
  const every = setInterval(run, intervalMs);
  first.unref();
  every.unref();
  return {
    stop() {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
