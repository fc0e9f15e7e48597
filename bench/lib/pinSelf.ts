import { spawnSync } from "node:child_process";

/**
 * Pins every thread of this process (and so the threads and children it starts later, which
 * inherit the mask) to one core. The benchmark's own process is the load generator: autocannon
 * runs in it, so it gets the core the servers do not.
 */
export function pinSelf(core: number): void {
  const result = spawnSync("taskset", ["-a", "-p", "-c", String(core), String(process.pid)], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(`taskset could not pin the benchmark to core ${core}: ${result.stderr || result.error?.message}`);
}
