import { readFileSync } from "node:fs";
import path from "node:path";
import { type PinnedProcess, startPinned } from "../lib/pinnedProcess";

/**
 * Gatehouse's production server (server.ts: the node:http front door with the lean protocol path,
 * Next for the rest) as one Node process pinned to `core`, started with the command of `npm start`
 * (package.json's `start` script: `node <flags> scripts/start.mjs`) minus npm's wrapper process, so
 * /proc/<pid> is the server itself and it runs with the flags users get. `nodeArgs` go before the
 * script's own flags (profiling flags, a preload).
 */
export function startGatehouse(options: { root: string; core: number; env: NodeJS.ProcessEnv; logFile: string; nodeArgs?: string[] }): PinnedProcess {
  return startPinned({
    name: "gatehouse",
    core: options.core,
    command: process.execPath,
    args: [...(options.nodeArgs ?? []), ...startScriptArguments(options.root)],
    cwd: options.root,
    env: options.env,
    logFile: options.logFile,
    readyPattern: /\[gatehouse\] ready on /,
    timeoutMs: 180_000,
  });
}

/** The arguments of `npm start`'s `node` command, paths made absolute. */
function startScriptArguments(root: string): string[] {
  const script = (JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { scripts: { start: string } }).scripts.start;
  const [command, ...args] = script.trim().split(/\s+/);
  if (command !== "node") throw new Error(`package.json's start script must be a plain \`node ...\` command to be benchmarked; it is: ${script}`);
  return args.map((arg) => (arg.startsWith("-") ? arg : path.join(root, arg)));
}
