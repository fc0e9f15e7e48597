import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { lockDataDir } from "@/lib/server/db/lockDataDir";
import { createScratchPostgres, TEST_DATABASE_URL } from "../support/testDatabase";

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = "cli-test-secret-that-is-long-enough-0123456789";
// Each case starts the CLI as a new process (tsx, PGlite): seconds apiece on a loaded 2-core machine.
vi.setConfig({ testTimeout: 120_000 });

let env: Record<string, string>;
let drop = async () => {};

beforeAll(async () => {
  env = { GATEHOUSE_DATA_DIR: mkdtempSync(path.join(tmpdir(), "gh-cli-")), DATABASE_URL: "", GATEHOUSE_SESSION_SECRET: SECRET, GATEHOUSE_SECRET_KEY: SECRET };
  if (TEST_DATABASE_URL) {
    const scratch = await createScratchPostgres();
    env.DATABASE_URL = scratch.url;
    drop = scratch.drop;
  }
});
afterAll(() => drop());

function gatehouse(args: string[], extraEnv: Record<string, string> = {}, stdin?: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "bin/gatehouse.mjs"), ...args], { cwd: root, env: { ...process.env, ...env, ...extraEnv } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin ?? "");
  });
}

describe("gatehouse CLI", () => {
  it("prints its commands with --help and exits 0", async () => {
    const r = await gatehouse(["--help"]);
    expect(r.code).toBe(0);
    for (const c of ["migrate", "create-user", "create-org", "add-member"]) expect(r.stdout).toContain(c);
  });

  it.each([
    [[], 2, "Usage: gatehouse <command>"],
    [["frobnicate"], 2, 'Unknown command "frobnicate"'],
    [["create-user", "--email", "a@b.co"], 2, "--password is required"],
    [["create-user", "--nope"], 2, "Unknown option '--nope'"],
    [["add-member", "--org", "x", "--email", "a@b.co", "--role", "boss"], 2, "--role must be one of owner, admin, member"],
  ])("gatehouse %j exits %i explaining the usage", async (args, code, message) => {
    const r = await gatehouse(args as string[]);
    expect(r.code).toBe(code);
    expect(r.stdout + r.stderr).toContain(message);
  });

  it("migrates, creates a user, an org and a member, with clean JSON on stdout", async () => {
    const m = await gatehouse(["migrate"]);
    expect(m.code, m.stderr).toBe(0);
    expect(m.stdout).toMatch(/Applied \d{14}_init/);
    expect((await gatehouse(["migrate"])).stdout).toContain("The database is up to date.");

    const owner = await gatehouse(["create-user", "--email", "Owner@Example.com", "--password-stdin", "--json"], {}, "correct horse\n");
    expect(owner.code, owner.stderr).toBe(0);
    expect(JSON.parse(owner.stdout)).toMatchObject({ email: "owner@example.com" });

    const org = await gatehouse(["create-org", "--slug", "acme", "--name", "Acme", "--owner", "owner@example.com", "--json"]);
    expect(org.code, org.stderr).toBe(0);
    expect(JSON.parse(org.stdout)).toMatchObject({ slug: "acme", issuer: "http://localhost:3000/orgs/acme" });

    expect((await gatehouse(["create-user", "--email", "m@example.com", "--password", "long enough"])).code).toBe(0);
    const add = await gatehouse(["add-member", "--org", "acme", "--email", "m@example.com", "--role", "member"]);
    expect(add.code, add.stderr).toBe(0);
    expect(add.stdout).toContain("Added m@example.com to acme as member");
  });

  it.each([
    [["create-org", "--slug", "acme", "--owner", "owner@example.com"], 'The slug "acme" is taken'],
    [["create-org", "--slug", "beta", "--owner", "ghost@example.com"], "No user with the email ghost@example.com"],
    [["add-member", "--org", "nope", "--email", "m@example.com", "--role", "admin"], 'No org with the slug "nope"'],
    [["add-member", "--org", "acme", "--email", "m@example.com", "--role", "admin"], "m@example.com is already a member of acme"],
    [["create-user", "--email", "owner@example.com", "--password", "long enough"], "An account with this email already exists"],
  ])("gatehouse %j is refused with exit 1 and the reason", async (args, message) => {
    const r = await gatehouse(args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(message);
  });

  it.skipIf(Boolean(TEST_DATABASE_URL))("is refused while another process holds the embedded database", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "gh-cli-locked-"));
    lockDataDir(dir);
    const r = await gatehouse(["migrate"], { GATEHOUSE_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`is in use by another Gatehouse process (pid ${process.pid})`);
  });
});
