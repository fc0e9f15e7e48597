import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/auth/getSessionUser";
import { loadConfig } from "@/lib/server/config/loadConfig";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, TEST_SECRET_KEY, type TestDatabase } from "../support/testDatabase";
import { addMember } from "./portalFixtures";

// The MCP servers pages' server actions, called as Next calls them, with the session faked.
let session: SessionUser | null = null;
vi.mock("@/lib/server/auth/getSessionUser", () => ({ getSessionUser: async () => session }));
vi.mock("next/cache", () => ({ refresh: () => undefined }));

const { createServerAction } = await import("@/app/(portal)/orgs/[org]/servers/createServerAction");
const { updateServerAction } = await import("@/app/(portal)/orgs/[org]/servers/[server]/updateServerAction");
const { deleteServerAction } = await import("@/app/(portal)/orgs/[org]/servers/[server]/deleteServerAction");
const { addScopeAction } = await import("@/app/(portal)/orgs/[org]/servers/[server]/addScopeAction");
const { updateScopeAction } = await import("@/app/(portal)/orgs/[org]/servers/[server]/updateScopeAction");
const { removeScopeAction } = await import("@/app/(portal)/orgs/[org]/servers/[server]/removeScopeAction");
const { updateToolMapAction } = await import("@/app/(portal)/orgs/[org]/servers/[server]/updateToolMapAction");
const { readUpstreamToolsAction } = await import("@/app/(portal)/orgs/[org]/servers/[server]/readUpstreamToolsAction");
const { importConfigAction } = await import("@/app/(portal)/orgs/[org]/settings/importConfigAction");
const { GET: exportConfig } = await import("@/app/(portal)/orgs/[org]/settings/export/route");

type Action = (previous: unknown, formData: FormData) => Promise<{ ok: boolean; error?: string; fieldErrors?: Record<string, string> }>;

let db: TestDatabase;
let a: SeededOrg;
let b: SeededOrg;
let memberOfA: SessionUser;
let adminOfB: SessionUser;
let ownerOfA: SessionUser;
const REFUSED = { ok: false, error: "You are not allowed to do this in this organization." };
let counter = 0;

beforeAll(async () => {
  db = await openTestDatabase();
  const globals = globalThis as Record<string, unknown>;
  globals.__gatehouseDatabase = Promise.resolve(db);
  globals.__gatehouseConfig = loadConfig({ PUBLIC_URL: "http://localhost:3000", GATEHOUSE_SECRET_KEY: TEST_SECRET_KEY, GATEHOUSE_SESSION_SECRET: TEST_SECRET_KEY }, mkdtempSync(path.join(tmpdir(), "gh-servers-")));
  a = await seedOrg(db.prisma);
  b = await seedOrg(db.prisma);
  memberOfA = { ...(await addMember(db.prisma, a.orgId, "member")), name: null };
  adminOfB = { ...(await addMember(db.prisma, b.orgId, "admin")), name: null };
  ownerOfA = { id: a.ownerId, email: a.ownerEmail, name: null };
});
afterAll(() => db.close());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

/** A fresh gateway server of org A, with the scope `s:read`, created as its owner. */
async function newServer() {
  const slug = `srv-${++counter}`;
  session = ownerOfA;
  expect(await createServerAction(null, form({ org: a.slug, name: `Server ${counter}`, slug, mode: "gateway" }))).toMatchObject({ ok: true, data: { slug } });
  expect(await addScopeAction(null, form({ org: a.slug, server: slug, name: "s:read", description: "Read" }))).toMatchObject({ ok: true });
  return slug;
}

const adminActions: [string, Action, () => Promise<Record<string, string>>][] = [
  ["create a server", createServerAction, async () => ({ name: "New", slug: `new-${++counter}`, mode: "gateway" })],
  ["update a server", updateServerAction, async () => ({ server: await newServer(), name: "Renamed", slug: `renamed-${++counter}`, mode: "gateway" })],
  ["delete a server", deleteServerAction, async () => ({ server: await newServer() })],
  ["add a scope", addScopeAction, async () => ({ server: await newServer(), name: "s:write" })],
  ["update a scope", updateScopeAction, async () => ({ server: await newServer(), scope: "s:read", description: "Changed", isDefault: "on" })],
  ["remove a scope", removeScopeAction, async () => ({ server: await newServer(), scope: "s:read" })],
  ["change the tool map", updateToolMapAction, async () => ({ server: await newServer(), toolScopes: "list: s:read" })],
  ["import a configuration", importConfigAction, async () => ({ document: JSON.stringify({ format: "gatehouse-org-config/1", org: { slug: "ignored", name: `Imported ${++counter}`, settings: {} }, servers: [], clients: [] }) })],
];

const auditCount = () => db.prisma.auditEvent.count({ where: { orgId: a.orgId } });

describe("MCP servers actions", () => {
  for (const [name, action, fields] of adminActions) {
    it(`${name}: refused to a member and to an admin of another org, done for an owner`, async () => {
      const input = await fields();
      const before = await auditCount();
      for (const person of [memberOfA, adminOfB]) {
        session = person;
        expect(await action(null, form({ org: a.slug, ...input }))).toEqual(REFUSED);
      }
      session = null;
      expect(await action(null, form({ org: a.slug, ...input }))).toEqual({ ok: false, error: "Your session has ended: sign in again." });
      expect(await auditCount()).toBe(before);
      session = ownerOfA;
      expect(await action(null, form({ org: a.slug, ...input }))).toMatchObject({ ok: true });
      expect(await auditCount()).toBe(before + 1);
    });
  }

  it("an admin of another org cannot reach org A's servers from their own org", async () => {
    const slug = await newServer();
    session = adminOfB;
    expect(await deleteServerAction(null, form({ org: b.slug, server: slug }))).toMatchObject({ ok: false, error: expect.stringMatching(/no MCP server/) });
    expect(await db.prisma.mcpServer.count({ where: { orgId: a.orgId, slug } })).toBe(1);
  });

  it("the credential is write-only: kept when left empty, removed on request", async () => {
    session = ownerOfA;
    const slug = `cred-${++counter}`;
    const base = { org: a.slug, name: "Upstream", mode: "gateway", upstreamUrl: "https://upstream.example.com/mcp" };
    expect(await createServerAction(null, form({ ...base, slug, upstreamCredential: "Bearer secret-value" }))).toMatchObject({ ok: true });
    const stored = () => db.prisma.mcpServer.findFirstOrThrow({ where: { orgId: a.orgId, slug }, select: { upstreamCredentialEncrypted: true } });
    const first = (await stored()).upstreamCredentialEncrypted;
    expect(first).not.toBeNull();
    expect(first).not.toContain("secret-value");
    expect(await updateServerAction(null, form({ ...base, server: slug, slug, name: "Renamed", upstreamCredential: "" }))).toMatchObject({ ok: true });
    expect((await stored()).upstreamCredentialEncrypted).toBe(first);
    expect(await updateServerAction(null, form({ ...base, server: slug, slug, removeCredential: "on" }))).toMatchObject({ ok: true });
    expect((await stored()).upstreamCredentialEncrypted).toBeNull();
  });

  it("refusals come back as field errors", async () => {
    session = ownerOfA;
    expect(await createServerAction(null, form({ org: a.slug, name: "X", slug: "Bad Slug", mode: "gateway" }))).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringMatching(/lower-case/) } });
    expect(await createServerAction(null, form({ org: a.slug, name: "X", slug: "demo", mode: "gateway" }))).toMatchObject({ ok: false, fieldErrors: { slug: expect.stringMatching(/taken/) } });
    expect(await createServerAction(null, form({ org: a.slug, name: "X", slug: "ext", mode: "external", resourceUri: "http://mcp.example.com" }))).toMatchObject({ ok: false, fieldErrors: { resourceUri: expect.any(String) } });
    const slug = await newServer();
    expect(await updateToolMapAction(null, form({ org: a.slug, server: slug, toolScopes: "list: nope" }))).toMatchObject({ ok: false, fieldErrors: { toolScopes: expect.stringMatching(/nope/) } });
    expect(await updateToolMapAction(null, form({ org: a.slug, server: slug, toolScopes: "list: s:read" }))).toMatchObject({ ok: true });
    expect(await removeScopeAction(null, form({ org: a.slug, server: slug, scope: "s:read" }))).toMatchObject({ ok: false, error: expect.stringMatching(/needed by list/) });
    expect(await addScopeAction(null, form({ org: a.slug, server: slug, name: "s:read" }))).toMatchObject({ ok: false, fieldErrors: { name: expect.stringMatching(/already has/) } });
  });

  it("a server hosted elsewhere is created with its https resource URI", async () => {
    session = ownerOfA;
    expect(await createServerAction(null, form({ org: a.slug, name: "Ext", slug: "ext-ok", mode: "external", resourceUri: "https://mcp.example.com/mcp", upstreamUrl: "https://ignored.example.com" }))).toMatchObject({ ok: true });
    expect(await db.prisma.mcpServer.findFirstOrThrow({ where: { orgId: a.orgId, slug: "ext-ok" } })).toMatchObject({ resourceUri: "https://mcp.example.com/mcp", upstreamUrl: null });
  });

  it("the configuration export is for admins of the org only, and imports back unchanged", async () => {
    const get = () => exportConfig(new Request(`http://localhost:3000/orgs/${a.slug}/settings/export`), { params: Promise.resolve({ org: a.slug }) });
    session = null;
    expect((await get()).status).toBe(401);
    session = memberOfA;
    expect((await get()).status).toBe(403);
    session = adminOfB;
    expect((await get()).status).toBe(404);
    session = ownerOfA;
    const response = await get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="gatehouse-/);
    const document = await response.text();
    expect(JSON.parse(document)).toMatchObject({ format: "gatehouse-org-config/1", org: { slug: a.slug } });
    expect(document).not.toContain("secret-value");
    const result = await importConfigAction(null, form({ org: a.slug, document }));
    expect(result).toMatchObject({ ok: true, data: { org: "unchanged", servers: { created: [], updated: [] } } });
    expect(await importConfigAction(null, form({ org: a.slug, document: "{ nope" }))).toMatchObject({ ok: false, fieldErrors: { document: "This is not valid JSON" } });
    expect(await importConfigAction(null, form({ org: a.slug, document: JSON.stringify({ format: "other" }) }))).toMatchObject({ ok: false, fieldErrors: { document: expect.any(String) } });
  });

  it("reading tools from the upstream: admins of the org only; the demo server answers", async () => {
    for (const person of [memberOfA, adminOfB]) {
      session = person;
      expect(await readUpstreamToolsAction(null, form({ org: a.slug, server: "demo" }))).toEqual(REFUSED);
    }
    session = ownerOfA;
    const result = await readUpstreamToolsAction(null, form({ org: a.slug, server: "demo" }));
    expect(result).toMatchObject({ ok: true });
    expect((result as { data: { tools: { name: string }[] } }).data.tools.map((t) => t.name).sort()).toEqual(["admin_report", "echo", "whoami"]);
    expect(await readUpstreamToolsAction(null, form({ org: a.slug, server: "ext-ok" }))).toMatchObject({ ok: false, error: expect.stringMatching(/hosted elsewhere/) });
  });
});
