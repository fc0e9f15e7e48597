import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/auth/getSessionUser";
import { loadConfig } from "@/lib/server/config/loadConfig";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, TEST_SECRET_KEY, type TestDatabase } from "../support/testDatabase";
import { addClient, addGrant, addMember } from "./portalFixtures";

// Every server action of the portal, called as Next calls it (previous state, FormData), with the
// session faked: who may act is decided by the action and its use case, never by the page.
let session: SessionUser | null = null;
vi.mock("@/lib/server/auth/getSessionUser", () => ({ getSessionUser: async () => session }));
vi.mock("next/cache", () => ({ refresh: () => undefined }));

const { createClientAction } = await import("@/app/(portal)/orgs/[org]/clients/createClientAction");
const { setClientDisabledAction } = await import("@/app/(portal)/orgs/[org]/clients/setClientDisabledAction");
const { deleteClientAction } = await import("@/app/(portal)/orgs/[org]/clients/deleteClientAction");
const { revokeGrantAction } = await import("@/app/(portal)/orgs/[org]/grants/revokeGrantAction");
const { revokeClientGrantsAction } = await import("@/app/(portal)/orgs/[org]/grants/revokeClientGrantsAction");
const { revokeMyGrantAction } = await import("@/app/(portal)/orgs/[org]/connections/revokeMyGrantAction");
const { changeRoleAction } = await import("@/app/(portal)/orgs/[org]/members/changeRoleAction");
const { removeMemberAction } = await import("@/app/(portal)/orgs/[org]/members/removeMemberAction");
const { createInviteAction } = await import("@/app/(portal)/orgs/[org]/members/createInviteAction");
const { rotateKeyAction } = await import("@/app/(portal)/orgs/[org]/keys/rotateKeyAction");
const { updateSettingsAction } = await import("@/app/(portal)/orgs/[org]/settings/updateSettingsAction");

type Action = (previous: unknown, formData: FormData) => Promise<{ ok: boolean; error?: string }>;

let db: TestDatabase;
let a: SeededOrg;
let b: SeededOrg;
let memberOfA: SessionUser;
let adminOfB: SessionUser;
const REFUSED = { ok: false, error: "You are not allowed to do this in this organization." };

beforeAll(async () => {
  db = await openTestDatabase();
  const globals = globalThis as Record<string, unknown>;
  globals.__gatehouseDatabase = Promise.resolve(db);
  globals.__gatehouseConfig = loadConfig({ PUBLIC_URL: "http://localhost:3000", GATEHOUSE_SECRET_KEY: TEST_SECRET_KEY, GATEHOUSE_SESSION_SECRET: TEST_SECRET_KEY }, mkdtempSync(path.join(tmpdir(), "gh-portal-")));
  a = await seedOrg(db.prisma);
  b = await seedOrg(db.prisma);
  memberOfA = { ...(await addMember(db.prisma, a.orgId, "member")), name: null };
  adminOfB = { ...(await addMember(db.prisma, b.orgId, "admin")), name: null };
});
afterAll(() => db.close());

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

/** Each admin action with a valid form for org A, built fresh (its targets are new rows of A). */
const adminActions: [string, Action, () => Promise<Record<string, string>>][] = [
  ["create a client", createClientAction, async () => ({ name: "Svc", clientCredentials: "on" })],
  ["disable a client", setClientDisabledAction, async () => ({ clientRowId: (await addClient(db.prisma, a.orgId)).id, disabled: "true" })],
  ["delete a client", deleteClientAction, async () => ({ clientRowId: (await addClient(db.prisma, a.orgId)).id })],
  ["revoke a grant", revokeGrantAction, async () => ({ grantId: (await addGrant(db.prisma, { orgId: a.orgId, userId: a.ownerId, clientRowId: (await addClient(db.prisma, a.orgId)).id })).id })],
  ["revoke a client's grants", revokeClientGrantsAction, async () => {
    const client = await addClient(db.prisma, a.orgId);
    await addGrant(db.prisma, { orgId: a.orgId, userId: a.ownerId, clientRowId: client.id });
    return { clientRowId: client.id };
  }],
  ["change a role", changeRoleAction, async () => ({ membershipId: (await addMember(db.prisma, a.orgId, "member")).membershipId, role: "admin" })],
  ["remove a member", removeMemberAction, async () => ({ membershipId: (await addMember(db.prisma, a.orgId, "member")).membershipId })],
  ["create an invite", createInviteAction, async () => ({ role: "member" })],
  ["rotate the signing key", rotateKeyAction, async () => ({})],
  ["update the settings", updateSettingsAction, async () => ({ authorizePolicy: "members", accessTokenTtl: "2", accessTokenTtlUnit: "hours", refreshTokenTtl: "30", refreshTokenTtlUnit: "days", defaultServerId: "", openRegistration: "on", cimdPolicy: "any_public_host", cimdAllowedHosts: "" })],
];

const auditCount = () => db.prisma.auditEvent.count({ where: { orgId: a.orgId } });

describe("portal server actions", () => {
  for (const [name, action, fields] of adminActions) {
    it(`${name}: refused to a member and to an admin of another org, done for an owner`, async () => {
      const before = await auditCount();
      for (const person of [memberOfA, adminOfB]) {
        session = person;
        expect(await action(null, form({ org: a.slug, ...(await fields()) }))).toEqual(REFUSED);
      }
      session = null;
      expect(await action(null, form({ org: a.slug, ...(await fields()) }))).toEqual({ ok: false, error: "Your session has ended: sign in again." });
      expect(await auditCount()).toBe(before);

      session = { id: a.ownerId, email: a.ownerEmail, name: null };
      expect(await action(null, form({ org: a.slug, ...(await fields()) }))).toMatchObject({ ok: true });
      expect(await auditCount()).toBe(before + 1);
    });
  }

  it("acting in one's own org on another org's ids is refused by the use case", async () => {
    session = adminOfB;
    const client = await addClient(db.prisma, a.orgId);
    const grant = await addGrant(db.prisma, { orgId: a.orgId, userId: a.ownerId, clientRowId: client.id });
    const membership = await addMember(db.prisma, a.orgId, "member");
    for (const [action, fields] of [
      [deleteClientAction, { clientRowId: client.id }],
      [setClientDisabledAction, { clientRowId: client.id, disabled: "true" }],
      [revokeClientGrantsAction, { clientRowId: client.id }],
      [revokeGrantAction, { grantId: grant.id }],
      [revokeMyGrantAction, { grantId: grant.id }],
      [changeRoleAction, { membershipId: membership.membershipId, role: "admin" }],
      [removeMemberAction, { membershipId: membership.membershipId }],
    ] as [Action, Record<string, string>][]) {
      expect(await action(null, form({ org: b.slug, ...fields }))).toMatchObject({ ok: false, error: expect.stringMatching(/does not exist|not one of yours|not a member/) });
    }
    expect(await db.prisma.client.findUnique({ where: { id: client.id } })).toMatchObject({ disabledAt: null });
    expect(await db.prisma.grant.findUnique({ where: { id: grant.id } })).toMatchObject({ revokedAt: null });
  });

  it("My connections: anyone in the org may revoke their own grant, no one another person's", async () => {
    const client = await addClient(db.prisma, a.orgId);
    const ownersGrant = await addGrant(db.prisma, { orgId: a.orgId, userId: a.ownerId, clientRowId: client.id });
    const membersGrant = await addGrant(db.prisma, { orgId: a.orgId, userId: memberOfA.id, clientRowId: client.id });
    session = memberOfA;
    expect(await revokeMyGrantAction(null, form({ org: a.slug, grantId: ownersGrant.id }))).toEqual({ ok: false, error: "This connection is not one of yours, or it no longer exists." });
    expect(await revokeMyGrantAction(null, form({ org: a.slug, grantId: membersGrant.id }))).toMatchObject({ ok: true });
    session = adminOfB;
    expect(await revokeMyGrantAction(null, form({ org: a.slug, grantId: ownersGrant.id }))).toEqual(REFUSED);
    expect(await db.prisma.grant.findUnique({ where: { id: ownersGrant.id } })).toMatchObject({ revokedAt: null });
  });

  it("forms are validated with field errors", async () => {
    session = { id: a.ownerId, email: a.ownerEmail, name: null };
    expect(await createClientAction(null, form({ org: a.slug, name: " " }))).toMatchObject({ ok: false, fieldErrors: { name: "Enter a name" } });
    expect(await updateSettingsAction(null, form({ org: a.slug, authorizePolicy: "members", accessTokenTtl: "30", accessTokenTtlUnit: "seconds", refreshTokenTtl: "1", refreshTokenTtlUnit: "days", defaultServerId: "", cimdPolicy: "any_public_host" }))).toMatchObject({
      ok: false,
      fieldErrors: { accessTokenTtlSec: "Choose between 60 seconds and 24 hours" },
    });
  });
});
