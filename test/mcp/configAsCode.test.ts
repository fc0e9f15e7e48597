import { spawn } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createScratchPostgres, TEST_DATABASE_URL } from "../support/testDatabase";

const root = path.resolve(import.meta.dirname, "../..");
const SECRET = "config-test-secret-that-is-long-enough-0123456789";
const CLIENT_SECRET = "a-client-secret-given-in-clear-0123456789";
let env: Record<string, string>;
let dir: string;
let drop = async () => {};

function gatehouse(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(root, "bin/gatehouse.mjs"), ...args], { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end();
  });
}

async function ok(args: string[]): Promise<string> {
  const r = await gatehouse(args);
  expect(r.code, `${args.join(" ")}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

const config = {
  format: "gatehouse-org-config/1",
  org: { name: "Acme Robotics", settings: { open_registration: false, cimd_policy: "listed_hosts", cimd_allowed_hosts: ["App.Example.com", "clients.example.org"], access_token_ttl_sec: 900, default_server: "crm" } },
  servers: [
    {
      slug: "crm",
      name: "CRM",
      upstream_url: "https://crm.internal.example/mcp",
      upstream_credential: "Bearer upstream-secret-in-clear",
      scopes: [{ name: "crm:read", description: "Read records", default: true }, { name: "crm:write" }],
      tool_scopes: { update_record: ["crm:write"] },
    },
    { slug: "search", name: "Search", resource_uri: "https://Search.Example.com/mcp", scopes: [{ name: "search:query", default: true }] },
  ],
  clients: [
    { client_id: "billing-service", name: "Billing service", grant_types: ["client_credentials"], scope: "crm:read", client_secret: CLIENT_SECRET },
    { client_id: "ops-robot", name: "Ops robot", grant_types: ["client_credentials"], scope: "servers:read servers:write" },
  ],
};

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), "gh-config-"));
  env = { GATEHOUSE_DATA_DIR: path.join(dir, "data"), DATABASE_URL: "", GATEHOUSE_SESSION_SECRET: SECRET, GATEHOUSE_SECRET_KEY: SECRET, PUBLIC_URL: "https://auth.example.com" };
  if (TEST_DATABASE_URL) {
    const scratch = await createScratchPostgres();
    env.DATABASE_URL = scratch.url;
    drop = scratch.drop;
  }
  await ok(["migrate"]);
  await ok(["create-user", "--email", "owner@example.com", "--password", "long enough password"]);
  await ok(["create-org", "--slug", "acme", "--owner", "owner@example.com"]);
  await ok(["create-org", "--slug", "beta", "--owner", "owner@example.com"]);
  writeFileSync(path.join(dir, "acme.json"), JSON.stringify(config));
}, 300_000);
afterAll(() => drop());

describe("configuration as code (npx gatehouse import | export)", () => {
  it("imports servers, scopes, the tool map, settings and admin clients, generating a secret where none is given", async () => {
    const summary = JSON.parse(await ok(["import", "--org", "acme", "--file", path.join(dir, "acme.json"), "--json"]));
    expect(summary).toMatchObject({
      org: "updated",
      servers: { created: ["crm", "search"], updated: [], unchanged: [] },
      clients: { created: ["billing-service", "ops-robot"], updated: [], unchanged: [] },
    });
    expect(Object.keys(summary.generatedSecrets)).toEqual(["ops-robot"]);
    expect(summary.generatedSecrets["ops-robot"]).toMatch(/^[A-Za-z0-9_-]{43}$/);
  }, 120_000);

  it("is idempotent: the same file again changes nothing", async () => {
    const again = await ok(["import", "--org", "acme", "--file", path.join(dir, "acme.json")]);
    expect(again).toBe(
      `Imported ${path.join(dir, "acme.json")} into acme\n  org settings: unchanged\n  servers: 0 created, 0 updated, 2 unchanged\n  clients: 0 created, 0 updated, 2 unchanged\n`,
    );
  }, 120_000);

  it("exports what it imported, with secrets only hashed or flagged, and the demo server kept", async () => {
    await ok(["export", "--org", "acme", "--out", path.join(dir, "export.json")]);
    const text = readFileSync(path.join(dir, "export.json"), "utf8");
    expect(text).not.toContain(CLIENT_SECRET);
    expect(text).not.toContain("upstream-secret-in-clear");
    const exported = JSON.parse(text);
    expect(exported.org).toEqual({
      slug: "acme",
      name: "Acme Robotics",
      settings: { open_registration: false, cimd_policy: "listed_hosts", cimd_allowed_hosts: ["app.example.com", "clients.example.org"], authorize_policy: "members", access_token_ttl_sec: 900, refresh_token_ttl_sec: 2592000, default_server: "crm" },
    });
    expect(exported.servers.map((s: { slug: string }) => s.slug)).toEqual(["demo", "crm", "search"]);
    expect(exported.servers[1]).toEqual({
      slug: "crm",
      name: "CRM",
      resource_uri: null,
      upstream_url: "https://crm.internal.example/mcp",
      upstream_credential_set: true,
      scopes: [
        { name: "crm:read", description: "Read records", default: true, requires_consent: true },
        { name: "crm:write", description: "", default: false, requires_consent: true },
      ],
      tool_scopes: { update_record: ["crm:write"] },
    });
    expect(exported.servers[2].resource_uri).toBe("https://search.example.com/mcp");
    expect(exported.clients[0]).toEqual({
      client_id: "billing-service",
      name: "Billing service",
      grant_types: ["client_credentials"],
      scope: "crm:read",
      redirect_uris: [],
      can_introspect: false,
      client_secret_sha256: createHash("sha256").update(CLIENT_SECRET).digest("base64url"),
    });
  }, 120_000);

  it("round-trips: the export imported into another org gives the same export, but for the upstream credential", async () => {
    const first = JSON.parse(await ok(["import", "--org", "beta", "--file", path.join(dir, "export.json"), "--json"]));
    expect(first).toMatchObject({ servers: { created: ["crm", "search"], updated: [], unchanged: ["demo"] }, clients: { created: ["billing-service", "ops-robot"] }, generatedSecrets: {} });
    const beta = JSON.parse(await ok(["export", "--org", "beta"]));
    const acme = JSON.parse(readFileSync(path.join(dir, "export.json"), "utf8"));
    // Everything but the upstream credential, which is never exported: it has to be given again.
    acme.servers[1].upstream_credential_set = false;
    expect({ ...beta, org: { ...beta.org, slug: "acme" } }).toEqual(acme);
    const second = JSON.parse(await ok(["import", "--org", "beta", "--file", path.join(dir, "export.json"), "--json"]));
    expect(second).toMatchObject({ org: "unchanged", servers: { created: [], updated: [] }, clients: { created: [], updated: [] } });
  }, 180_000);

  it.each([
    [{ ...config, format: "v0" }, 'format: format must be "gatehouse-org-config/1"'],
    [{ ...config, servers: [{ slug: "x", name: "X", tool_scopes: { t: ["nope"] } }] }, "servers.0.tool_scopes.t: The tool t needs the scope nope, which the server does not define"],
    [{ ...config, clients: [{ client_id: "c", name: "C", grant_types: ["client_credentials"], client_secret: "short" }] }, "clients.0.client_secret: A client secret has at least 32 characters"],
    [{ ...config, org: { settings: { cimd_allowed_hosts: ["https://app.example.com/"] } } }, 'org.settings.cimd_allowed_hosts: "https://app.example.com/" is not a host name: write only the host, like app.example.com (no https://, port or path)'],
    [{ ...config, org: { settings: { cimd_policy: "listed_hosts", cimd_allowed_hosts: [] } } }, "org.settings.cimd_allowed_hosts: List at least one host in cimd_allowed_hosts, or choose another cimd_policy"],
    // Refused after a new server was written: the transaction rolls it back (see the next test).
    [{ ...config, servers: [...config.servers, { slug: "new-one", name: "New" }], org: { settings: { default_server: "missing" } } }, 'org.settings.default_server: There is no server "missing" in the org or the file'],
  ])("refuses a bad file with exit code 1, naming the field (%#)", async (bad, message) => {
    const file = path.join(dir, "bad.json");
    writeFileSync(file, JSON.stringify(bad));
    const r = await gatehouse(["import", "--org", "acme", "--file", file]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(message);
  }, 120_000);

  it("changed nothing for the refused files (one transaction each)", async () => {
    expect(JSON.parse(await ok(["export", "--org", "acme"]))).toEqual(JSON.parse(readFileSync(path.join(dir, "export.json"), "utf8")));
  }, 120_000);
});
