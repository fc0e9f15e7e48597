import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { DatabaseLockedError } from "@/lib/server/db/DatabaseLockedError";
import { lockDataDir } from "@/lib/server/db/lockDataDir";

const root = path.resolve(import.meta.dirname, "../..");

/** Runs a script in a separate Node process (tsx), as a second server or CLI would be. */
function runNode(code: string, env: Record<string, string> = {}): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", code], { cwd: root, env: { ...process.env, ...env } });
    let out = "";
    child.stdout.on("data", (d) => (out += d));
    child.stderr.on("data", (d) => (out += d));
    child.on("close", (c) => resolve({ code: c, out }));
  });
}

describe("lockDataDir", () => {
  it("refuses a second process while the first holds the embedded database, with a clear message", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gh-lock-"));
    lockDataDir(dir);
    const second = await runNode(`
      const { lockDataDir } = await import("./lib/server/db/lockDataDir.ts");
      try { lockDataDir(${JSON.stringify(dir)}); console.log("LOCKED"); } catch (e) { console.log(e.message); process.exit(3); }
    `);
    expect(second.code).toBe(3);
    expect(second.out).toContain(`is in use by another Gatehouse process (pid ${process.pid})`);
    expect(second.out).toContain("use PostgreSQL (DATABASE_URL) to run several instances");
  });

  it("is re-entrant within one process", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gh-lock-"));
    lockDataDir(dir);
    expect(() => lockDataDir(dir)).not.toThrow();
  });

  it("takes over the lock of a process that died", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gh-lock-"));
    // A pid far above Linux's default pid_max is never a live process.
    writeFileSync(path.join(dir, "gatehouse.lock"), "4194304999\n2020-01-01T00:00:00Z\n");
    lockDataDir(dir);
    expect(readFileSync(path.join(dir, "gatehouse.lock"), "utf8").split("\n")[0]).toBe(String(process.pid));
  });

  it("names the holder in a typed error", () => {
    expect(new DatabaseLockedError("/data", 42).message).toMatch(/^The embedded database in \/data is in use by another Gatehouse process \(pid 42\)/);
  });
});
