import { type ChildProcess, spawn } from "node:child_process";
import { createWriteStream } from "node:fs";
import { createInterface } from "node:readline";
import { nicePrefix } from "./priority";

export interface PinnedProcess {
  name: string;
  pid: number;
  /** The first stdout line matching the readiness pattern. */
  ready: Promise<string>;
  /** SIGTERM, then SIGKILL to its whole process group after `graceMs`. Idempotent. */
  stop(graceMs?: number): Promise<void>;
}

const running = new Set<PinnedProcess>();

/**
 * Starts `command` on one core (`taskset -c`, which execs the command, so the pid is the
 * command's own and /proc/<pid>/stat is its CPU), at the benchmark's priority (priority.ts). Output goes to `logFile`; readiness is the first
 * stdout line matching `readyPattern`, within `timeoutMs`, else the process is stopped and the
 * promise rejects. The process leads its own group, so stopping it also ends anything it started.
 */
export function startPinned(options: {
  name: string;
  core: number;
  command: string;
  args: string[];
  env?: NodeJS.ProcessEnv;
  cwd?: string;
  logFile: string;
  readyPattern: RegExp;
  timeoutMs: number;
}): PinnedProcess {
  // nice and taskset each exec the next command: the pid stays the command's own.
  const [command, ...prefix] = [...nicePrefix(), "taskset", "-c", String(options.core), options.command, ...options.args];
  const child: ChildProcess = spawn(command!, prefix, {
    cwd: options.cwd,
    env: options.env ?? process.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const log = createWriteStream(options.logFile);
  child.stderr!.pipe(log, { end: false });
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once("exit", () => ((exited = true), resolve())));

  const ready = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${options.name} was not ready within ${options.timeoutMs / 1000} s; see ${options.logFile}`)), options.timeoutMs);
    const lines = createInterface({ input: child.stdout! });
    lines.on("line", (line) => {
      log.write(`${line}\n`);
      if (options.readyPattern.test(line)) {
        clearTimeout(timer);
        resolve(line);
      }
    });
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.name} exited (${signal ?? code}) before it was ready; see ${options.logFile}`));
    });
  });
  ready.catch(() => undefined);

  const handle: PinnedProcess = {
    name: options.name,
    pid: child.pid!,
    ready,
    async stop(graceMs = 8000) {
      running.delete(handle);
      if (!exited) {
        signalGroup(child.pid!, "SIGTERM");
        const timer = setTimeout(() => signalGroup(child.pid!, "SIGKILL"), graceMs);
        await exit;
        clearTimeout(timer);
      }
      // Whatever the process started in its group goes too (it may have left children behind).
      signalGroup(child.pid!, "SIGKILL");
      log.end();
    },
  };
  running.add(handle);
  return handle;
}

/** Stops every process started here that is still running (the benchmark's cleanup, also on failure). */
export async function stopAllPinned(): Promise<void> {
  await Promise.all([...running].map((p) => p.stop(3000).catch(() => undefined)));
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
