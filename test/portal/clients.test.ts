import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createConfidentialClient, type ConfidentialClientInput } from "@/lib/server/clients/createConfidentialClient";
import { deleteClient } from "@/lib/server/clients/deleteClient";
import { setClientDisabled } from "@/lib/server/clients/setClientDisabled";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";
import { addClient, addGrant, grantIsDead } from "./portalFixtures";

let db: TestDatabase;
let org: SeededOrg;
let other: SeededOrg;
beforeAll(async () => {
  db = await openTestDatabase();
  org = await seedOrg(db.prisma);
  other = await seedOrg(db.prisma);
});
afterAll(() => db.close());

const actor = () => ({ id: org.ownerId, email: org.ownerEmail });
const input = (overrides: Partial<ConfidentialClientInput> = {}): ConfidentialClientInput => ({
  orgId: org.orgId,
  name: "Reporting",
  clientCredentials: true,
  authorizationCode: false,
  redirectUris: [],
  canIntrospect: false,
  actor: actor(),
  ...overrides,
});

describe("createConfidentialClient", () => {
  it("creates an admin client whose secret is returned once and stored only as a hash", async () => {
    const created = await createConfidentialClient(db.prisma, input({ scope: "mcp:tools", canIntrospect: true }));
    const row = await db.prisma.client.findUniqueOrThrow({ where: { orgId_clientId: { orgId: org.orgId, clientId: created.clientId } } });
    expect(row).toMatchObject({ source: "admin", tokenEndpointAuthMethod: "client_secret_basic", grantTypes: ["client_credentials"], scope: "mcp:tools", canIntrospect: true });
    expect(created.clientSecret.length).toBeGreaterThan(30);
    expect(row.secretHash).not.toContain(created.clientSecret);
    expect(await db.prisma.auditEvent.count({ where: { orgId: org.orgId, kind: "client.created", clientId: created.clientId, actorId: org.ownerId } })).toBe(1);
  });

  it("adds refresh_token to an authorization code client", async () => {
    const created = await createConfidentialClient(db.prisma, input({ clientCredentials: false, authorizationCode: true, redirectUris: ["https://app.example.com/cb"] }));
    expect(created.metadata.grant_types).toEqual(["authorization_code", "refresh_token"]);
  });

  it("pins refusals to the field they concern", async () => {
    await expect(createConfidentialClient(db.prisma, input({ clientCredentials: false }))).rejects.toMatchObject({ field: "grantTypes" });
    await expect(createConfidentialClient(db.prisma, input({ authorizationCode: true }))).rejects.toMatchObject({ field: "redirectUris" });
    await expect(createConfidentialClient(db.prisma, input({ authorizationCode: true, redirectUris: ["http://evil.example/cb"] }))).rejects.toMatchObject({ field: "redirectUris" });
    await expect(createConfidentialClient(db.prisma, input({ scope: 'bad"scope' }))).rejects.toMatchObject({ field: "scope" });
  });
});

describe("setClientDisabled", () => {
  it("disabling revokes the client's live grants with their refresh tokens and codes; enabling restores none", async () => {
    const client = await addClient(db.prisma, org.orgId);
    const grants = [await addGrant(db.prisma, { orgId: org.orgId, userId: org.ownerId, clientRowId: client.id }), await addGrant(db.prisma, { orgId: org.orgId, userId: null, clientRowId: client.id })];
    expect(await setClientDisabled(db.prisma, { orgId: org.orgId, clientRowId: client.id, disabled: true, actor: actor() })).toEqual({ disabled: true, grantsRevoked: 2 });
    for (const grant of grants) expect(await grantIsDead(db.prisma, grant.id)).toBe(true);
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: client.id } })).disabledAt).not.toBeNull();
    await expect(setClientDisabled(db.prisma, { orgId: org.orgId, clientRowId: client.id, disabled: true, actor: actor() })).rejects.toMatchObject({ code: "conflict" });

    await setClientDisabled(db.prisma, { orgId: org.orgId, clientRowId: client.id, disabled: false, actor: actor() });
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: client.id } })).disabledAt).toBeNull();
    for (const grant of grants) expect(await grantIsDead(db.prisma, grant.id)).toBe(true);
    const kinds = (await db.prisma.auditEvent.findMany({ where: { orgId: org.orgId, targetId: client.id }, orderBy: { at: "asc" } })).map((e) => e.kind);
    expect(kinds).toEqual(["client.disabled", "client.enabled"]);
  });

  it("refuses another org's client and leaves it and its grants alone", async () => {
    const client = await addClient(db.prisma, other.orgId);
    const grant = await addGrant(db.prisma, { orgId: other.orgId, userId: other.ownerId, clientRowId: client.id });
    await expect(setClientDisabled(db.prisma, { orgId: org.orgId, clientRowId: client.id, disabled: true, actor: actor() })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.prisma.client.findUniqueOrThrow({ where: { id: client.id } })).disabledAt).toBeNull();
    expect(await grantIsDead(db.prisma, grant.id)).toBe(false);
  });
});

describe("deleteClient", () => {
  it("deletes the client with its grants, codes and refresh tokens, and keeps an audit event", async () => {
    const client = await addClient(db.prisma, org.orgId, "Doomed");
    const grant = await addGrant(db.prisma, { orgId: org.orgId, userId: org.ownerId, clientRowId: client.id });
    await deleteClient(db.prisma, { orgId: org.orgId, clientRowId: client.id, actor: actor() });
    expect(await db.prisma.client.findUnique({ where: { id: client.id } })).toBeNull();
    expect(await db.prisma.grant.findUnique({ where: { id: grant.id } })).toBeNull();
    expect(await db.prisma.refreshToken.count({ where: { grantId: grant.id } })).toBe(0);
    expect(await db.prisma.auditEvent.findFirst({ where: { orgId: org.orgId, kind: "client.deleted", clientId: client.clientId } })).toMatchObject({ details: { name: "Doomed", source: "dcr" } });
  });

  it("refuses another org's client", async () => {
    const client = await addClient(db.prisma, other.orgId);
    await expect(deleteClient(db.prisma, { orgId: org.orgId, clientRowId: client.id, actor: actor() })).rejects.toMatchObject({ code: "not_found" });
    expect(await db.prisma.client.findUnique({ where: { id: client.id } })).not.toBeNull();
  });
});
