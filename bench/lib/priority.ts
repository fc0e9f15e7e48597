import os from "node:os";
import { databaseBackendPids } from "./procStats";

/**
 * The niceness of everything the benchmark runs (BENCH_NICE, default -10; 0 turns it off). On a
 * two-core machine shared with tests, builds and browsers, the servers under test would otherwise
 * get whatever share the scheduler leaves them, and the figures would measure the neighbours.
 * Raising the priority needs root (CAP_SYS_NICE); without it everything runs at normal priority
 * and the run says so.
 */
export const NICE = Number(process.env.BENCH_NICE ?? -10);

/** This process (its main thread, where autocannon runs, and the threads it starts later). */
export function raiseOwnPriority(): boolean {
  if (NICE === 0) return true;
  try {
    os.setPriority(NICE);
    return true;
  } catch {
    return false;
  }
}

/** The command prefix that starts a child at that niceness (`nice` runs it anyway if it may not). */
export function nicePrefix(): string[] {
  return NICE === 0 ? [] : ["nice", "-n", String(NICE)];
}

/** The PostgreSQL backends serving the bench database (new pool connections appear during a run). */
export function raiseDatabasePriority(database: string): void {
  if (NICE === 0) return;
  for (const pid of databaseBackendPids(database)) {
    try {
      os.setPriority(pid, NICE);
    } catch {
      // Gone, or not allowed: it runs at normal priority.
    }
  }
}
