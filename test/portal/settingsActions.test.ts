import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/auth/getSessionUser";
import { loadConfig } from "@/lib/server/config/loadConfig";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, TEST_SECRET_KEY, type TestDatabase } from "../support/testDatabase";
import { addMember } from "./portalFixtures";

// The settings form's server action, called as Next calls it, with the session faked: the CIMD
// policy and its allow-list are validated with field errors, and only an admin of the org saves them.
let session: SessionUser | null = null;
vi.mock("@/lib/server/auth/getSessionUser", () => ({ getSessionUser: async () => session }));
vi.mock("next/cache", () => ({ refresh: () => undefined }));

const { updateSettingsAction } = await import("@/app/(portal)/orgs/[org]/settings/updateSettingsAction");

let db: TestDatabase;
let a: SeededOrg;
let b: SeededOrg;
let owner: SessionUser;
let memberOfA: SessionUser;
let adminOfA: SessionUser;
let adminOfB: SessionUser;

beforeAll(async () => {
  db = await openTestDatabase();
  const globals = globalThis as Record<string, unknown>;
  globals.__gatehouseDatabase = Promise.resolve(db);
  globals.__gatehouseConfig = loadConfig({ PUBLIC_URL: "http://localhost:3000", GATEHOUSE_SECRET_KEY: TEST_SECRET_KEY, GATEHOUSE_SESSION_SECRET: TEST_SECRET_KEY }, mkdtempSync(path.join(tmpdir(), "gh-portal-")));
  a = await seedOrg(db.prisma);
  b = await seedOrg(db.prisma);
  owner = { id: a.ownerId, email: a.ownerEmail, name: null };
  memberOfA = { ...(await addMember(db.prisma, a.orgId, "member")), name: null };
  adminOfA = { ...(await addMember(db.prisma, a.orgId, "admin")), name: null };
  adminOfB = { ...(await addMember(db.prisma, b.orgId, "admin")), name: null };
  defaultServerId = (await db.prisma.org.findUniqueOrThrow({ where: { id: a.orgId } })).defaultServerId ?? "";
});
afterAll(() => db.close());

const BASE = { authorizePolicy: "members", accessTokenTtl: "1", accessTokenTtlUnit: "hours", refreshTokenTtl: "30", refreshTokenTtlUnit: "days", openRegistration: "on" };
let defaultServerId = "";

function form(fields: Record<string, string>) {
  const data = new FormData();
  for (const [name, value] of Object.entries({ org: a.slug, ...BASE, defaultServerId, ...fields })) data.set(name, value);
  return data;
}

const policyOfA = () => db.prisma.org.findUniqueOrThrow({ where: { id: a.orgId }, select: { cimdPolicy: true, cimdAllowedHosts: true } });

describe("the CIMD policy in the settings form", () => {
  it("saves an allow-list: trimmed, lower-cased, one host per line, duplicates dropped", async () => {
    session = adminOfA;
    const result = await updateSettingsAction(null, form({ cimdPolicy: "listed_hosts", cimdAllowedHosts: " App.Example.com\r\nclients.example.org, app.example.com\n\n" }));
    expect(result).toEqual({ ok: true, data: { changed: ["cimdPolicy", "cimdAllowedHosts"] } });
    expect(await policyOfA()).toEqual({ cimdPolicy: "listed_hosts", cimdAllowedHosts: ["app.example.com", "clients.example.org"] });
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { orgId: a.orgId, kind: "org.settings_updated" }, orderBy: { at: "desc" } });
    expect(event.details).toEqual({ cimdPolicy: { from: "any_public_host", to: "listed_hosts" }, cimdAllowedHosts: { from: [], to: ["app.example.com", "clients.example.org"] } });
    // The same list again changes nothing.
    expect(await updateSettingsAction(null, form({ cimdPolicy: "listed_hosts", cimdAllowedHosts: "app.example.com\nclients.example.org" }))).toEqual({ ok: true, data: { changed: [] } });
  });

  it("keeps the list when another policy is chosen, so switching back restores it", async () => {
    session = owner;
    expect(await updateSettingsAction(null, form({ cimdPolicy: "off", cimdAllowedHosts: "app.example.com\nclients.example.org" }))).toEqual({ ok: true, data: { changed: ["cimdPolicy"] } });
    expect(await policyOfA()).toEqual({ cimdPolicy: "off", cimdAllowedHosts: ["app.example.com", "clients.example.org"] });
  });

  it.each([
    ["a URL instead of a host", { cimdPolicy: "listed_hosts", cimdAllowedHosts: "https://app.example.com/client.json" }, { cimdAllowedHosts: '"https://app.example.com/client.json" is not a host name: write only the host, like app.example.com (no https://, port or path)' }],
    ["a host with a port", { cimdPolicy: "listed_hosts", cimdAllowedHosts: "app.example.com:8443" }, { cimdAllowedHosts: '"app.example.com:8443" is not a host name: write only the host, like app.example.com (no https://, port or path)' }],
    ["a label starting with a hyphen", { cimdPolicy: "any_public_host", cimdAllowedHosts: "-app.example.com" }, { cimdAllowedHosts: '"-app.example.com" is not a host name: write only the host, like app.example.com (no https://, port or path)' }],
    ["too many hosts", { cimdPolicy: "listed_hosts", cimdAllowedHosts: Array.from({ length: 51 }, (_, i) => `h${i}.example.com`).join("\n") }, { cimdAllowedHosts: "At most 50 hosts" }],
    ["an empty list for listed hosts only", { cimdPolicy: "listed_hosts", cimdAllowedHosts: " \n " }, { cimdAllowedHosts: "List at least one host, or choose another policy" }],
    ["an unknown policy", { cimdPolicy: "some_hosts", cimdAllowedHosts: "" }, { cimdPolicy: "Choose which metadata documents to accept" }],
  ])("refuses %s with a field error and saves nothing", async (_name, fields, fieldErrors) => {
    session = owner;
    const before = await policyOfA();
    expect(await updateSettingsAction(null, form(fields))).toMatchObject({ ok: false, fieldErrors });
    expect(await policyOfA()).toEqual(before);
  });

  it("is refused to a member of the org and to an admin of another org", async () => {
    const before = await policyOfA();
    for (const person of [memberOfA, adminOfB]) {
      session = person;
      expect(await updateSettingsAction(null, form({ cimdPolicy: "any_public_host", cimdAllowedHosts: "" }))).toEqual({ ok: false, error: "You are not allowed to do this in this organization." });
    }
    session = null;
    expect(await updateSettingsAction(null, form({ cimdPolicy: "any_public_host", cimdAllowedHosts: "" }))).toEqual({ ok: false, error: "Your session has ended: sign in again." });
    expect(await policyOfA()).toEqual(before);
  });
});
