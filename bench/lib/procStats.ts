import { execFileSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";

// Clock ticks per second of utime/stime in /proc/<pid>/stat (100 on Linux x86-64, but asked, not assumed).
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

/**
 * CPU time (user + system) a process has used so far, in microseconds, all its threads included
 * (libuv's pool, where some crypto and DNS run, counts too). Read before and after a measured run,
 * the difference divided by the requests completed is the server's CPU per request.
 */
export function processCpuMicros(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name (field 2) may contain spaces: count fields from after its closing parenthesis.
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  return ((utime + stime) * 1e6) / TICKS_PER_SECOND;
}

/** Resident set size now (VmRSS) and its peak so far (VmHWM), in MiB. */
export function processMemoryMiB(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { rss: kib("VmRSS") / 1024, peak: kib("VmHWM") / 1024 };
}

/**
 * CPU time used so far by the PostgreSQL backends serving `database` (their command line names it:
 * "postgres: user database host(port) state"). The machine's PostgreSQL is shared with whatever
 * else runs here, so only our database's backends are counted; background workers (WAL writer,
 * checkpointer) are not. A backend that exits between two readings loses its time: the pool keeps
 * its connections open through a run, so that does not happen in practice.
 */
export function databaseCpuMicros(database: string): number {
  let total = 0;
  for (const pid of databaseBackendPids(database)) {
    try {
      total += processCpuMicros(pid);
    } catch {
      // The process ended while we looked: nothing to count.
    }
  }
  return total;
}

/** The PostgreSQL backend processes connected to `database`. */
export function databaseBackendPids(database: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (cmdline.startsWith("postgres: ") && cmdline.split(" ").includes(database)) pids.push(Number(entry));
    } catch {
      // Ended while we looked.
    }
  }
  return pids;
}
