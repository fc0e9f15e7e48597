import path from "node:path";
import { type PinnedProcess, startPinned } from "../lib/pinnedProcess";

/**
 * Gatehouse's production server (server.ts: the node:http front door with the lean protocol path,
 * Next for the rest) as one Node process pinned to `core`: `node --import tsx server.ts`, which is
 * what `npm start` runs minus npm's and tsx's wrapper processes, so /proc/<pid> is the server
 * itself. `nodeArgs` go before the entry point (profiling flags, a preload).
 */
export function startGatehouse(options: { root: string; core: number; env: NodeJS.ProcessEnv; logFile: string; nodeArgs?: string[] }): PinnedProcess {
  return startPinned({
    name: "gatehouse",
    core: options.core,
    command: process.execPath,
    args: [...(options.nodeArgs ?? []), "--import", "tsx", path.join(options.root, "server.ts")],
    cwd: options.root,
    env: options.env,
    logFile: options.logFile,
    readyPattern: /\[gatehouse\] ready on /,
    timeoutMs: 180_000,
  });
}
