import { mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { DatabaseLockedError } from "./DatabaseLockedError";

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(file: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(file, "utf8").split("\n")[0] ?? "", 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Takes the embedded database's folder for this process. PGlite has no lock of its own and two
 * processes writing one folder corrupt it, so a lock file (created with O_EXCL) names the holder's
 * pid. A lock whose holder has died is stale and taken over. Re-entrant within one process, since
 * the custom server and Next's bundled modules share it. Released when the process exits.
 */
export function lockDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, "gatehouse.lock");
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      writeFileSync(file, `${process.pid}\n${new Date().toISOString()}\n`, { flag: "wx" });
      process.once("exit", () => {
        if (readHolder(file) === process.pid) unlinkSync(file);
      });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = readHolder(file);
    if (holder === process.pid) return;
    if (holder !== undefined && isAlive(holder)) throw new DatabaseLockedError(dataDir, holder);
    // Stale (or half-written by a dying process): remove and retry the exclusive create.
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
  }
  throw new DatabaseLockedError(dataDir, readHolder(file) ?? 0);
}
