import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { revokeClientGrants } from "@/lib/server/grants/revokeClientGrants";
import { revokeGrant } from "@/lib/server/grants/revokeGrant";
import { revokeMyGrant } from "@/lib/server/grants/revokeMyGrant";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";
import { addClient, addGrant, addMember, grantIsDead } from "./portalFixtures";

let db: TestDatabase;
let org: SeededOrg;
let other: SeededOrg;
beforeAll(async () => {
  db = await openTestDatabase();
  org = await seedOrg(db.prisma);
  other = await seedOrg(db.prisma);
});
afterAll(() => db.close());

const admin = () => ({ id: org.ownerId, email: org.ownerEmail });

describe("revokeGrant (admin)", () => {
  it("revokes the grant with its refresh tokens and codes, and records it", async () => {
    const client = await addClient(db.prisma, org.orgId);
    const grant = await addGrant(db.prisma, { orgId: org.orgId, userId: org.ownerId, clientRowId: client.id });
    await revokeGrant(db.prisma, { orgId: org.orgId, grantId: grant.id, actor: admin() });
    expect(await grantIsDead(db.prisma, grant.id)).toBe(true);
    const event = await db.prisma.auditEvent.findFirstOrThrow({ where: { orgId: org.orgId, kind: "grant.revoked", targetId: grant.id } });
    expect(event).toMatchObject({ actorId: org.ownerId, clientId: client.clientId });
    await expect(revokeGrant(db.prisma, { orgId: org.orgId, grantId: grant.id, actor: admin() })).rejects.toMatchObject({ code: "conflict" });
  });

  it("reports another org's grant as missing and leaves it alone", async () => {
    const client = await addClient(db.prisma, other.orgId);
    const grant = await addGrant(db.prisma, { orgId: other.orgId, userId: other.ownerId, clientRowId: client.id });
    await expect(revokeGrant(db.prisma, { orgId: org.orgId, grantId: grant.id, actor: admin() })).rejects.toMatchObject({ code: "not_found" });
    expect((await db.prisma.grant.findUniqueOrThrow({ where: { id: grant.id } })).revokedAt).toBeNull();
  });
});

describe("revokeMyGrant (My connections)", () => {
  it("lets a member revoke their own grant", async () => {
    const member = await addMember(db.prisma, org.orgId, "member");
    const client = await addClient(db.prisma, org.orgId);
    const grant = await addGrant(db.prisma, { orgId: org.orgId, userId: member.id, clientRowId: client.id });
    await revokeMyGrant(db.prisma, { orgId: org.orgId, grantId: grant.id, user: member });
    expect(await grantIsDead(db.prisma, grant.id)).toBe(true);
  });

  it("refuses another person's grant, even an admin's own org's, and a client-credentials grant", async () => {
    const member = await addMember(db.prisma, org.orgId, "member");
    const client = await addClient(db.prisma, org.orgId);
    const ownersGrant = await addGrant(db.prisma, { orgId: org.orgId, userId: org.ownerId, clientRowId: client.id });
    const machineGrant = await addGrant(db.prisma, { orgId: org.orgId, userId: null, clientRowId: client.id });
    for (const grant of [ownersGrant, machineGrant]) {
      await expect(revokeMyGrant(db.prisma, { orgId: org.orgId, grantId: grant.id, user: member })).rejects.toMatchObject({ code: "not_found" });
      expect(await grantIsDead(db.prisma, grant.id)).toBe(false);
    }
  });

  it("refuses the user's own grant when named under another org", async () => {
    const client = await addClient(db.prisma, other.orgId);
    const grant = await addGrant(db.prisma, { orgId: other.orgId, userId: other.ownerId, clientRowId: client.id });
    await expect(revokeMyGrant(db.prisma, { orgId: org.orgId, grantId: grant.id, user: { id: other.ownerId, email: other.ownerEmail } })).rejects.toMatchObject({ code: "not_found" });
    expect(await grantIsDead(db.prisma, grant.id)).toBe(false);
  });
});

describe("revokeClientGrants", () => {
  it("revokes every live grant of the client and no other client's", async () => {
    const member = await addMember(db.prisma, org.orgId, "member");
    const client = await addClient(db.prisma, org.orgId);
    const bystander = await addClient(db.prisma, org.orgId);
    const mine = [
      await addGrant(db.prisma, { orgId: org.orgId, userId: org.ownerId, clientRowId: client.id }),
      await addGrant(db.prisma, { orgId: org.orgId, userId: member.id, clientRowId: client.id }),
    ];
    const kept = await addGrant(db.prisma, { orgId: org.orgId, userId: member.id, clientRowId: bystander.id });
    expect(await revokeClientGrants(db.prisma, { orgId: org.orgId, clientRowId: client.id, actor: admin() })).toEqual({ revoked: 2 });
    for (const grant of mine) expect(await grantIsDead(db.prisma, grant.id)).toBe(true);
    expect(await grantIsDead(db.prisma, kept.id)).toBe(false);
    expect(await db.prisma.auditEvent.count({ where: { orgId: org.orgId, kind: "client.grants_revoked", clientId: client.clientId } })).toBe(1);
  });

  it("refuses another org's client", async () => {
    const client = await addClient(db.prisma, other.orgId);
    const grant = await addGrant(db.prisma, { orgId: other.orgId, userId: other.ownerId, clientRowId: client.id });
    await expect(revokeClientGrants(db.prisma, { orgId: org.orgId, clientRowId: client.id, actor: admin() })).rejects.toMatchObject({ code: "not_found" });
    expect(await grantIsDead(db.prisma, grant.id)).toBe(false);
  });
});
