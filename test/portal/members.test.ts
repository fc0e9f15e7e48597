import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Role } from "@/generated/prisma/client";
import { changeMemberRole } from "@/lib/server/members/changeMemberRole";
import { removeMember } from "@/lib/server/members/removeMember";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";
import { addClient, addGrant, addMember, grantIsDead } from "./portalFixtures";

let db: TestDatabase;
let org: SeededOrg;
let other: SeededOrg;
let ownerMembershipId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  other = await seedOrg(db.prisma);
});
afterAll(() => db.close());
// A fresh org per test: the owner-count rules depend on who else is there.
beforeEach(async () => {
  org = await seedOrg(db.prisma);
  ownerMembershipId = (await db.prisma.membership.findFirstOrThrow({ where: { orgId: org.orgId, userId: org.ownerId } })).id;
});

const owner = (): { id: string; email: string; role: Role } => ({ id: org.ownerId, email: org.ownerEmail, role: "owner" });
const roleOf = async (membershipId: string) => (await db.prisma.membership.findUnique({ where: { id: membershipId } }))?.role;

describe("changeMemberRole", () => {
  it("lets an owner promote and demote, and records each change", async () => {
    const person = await addMember(db.prisma, org.orgId, "member");
    await changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: person.membershipId, role: "owner", actor: owner() });
    expect(await roleOf(person.membershipId)).toBe("owner");
    await changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: ownerMembershipId, role: "admin", actor: owner() });
    expect(await roleOf(ownerMembershipId)).toBe("admin");
    const events = await db.prisma.auditEvent.findMany({ where: { orgId: org.orgId, kind: "member.role_changed" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.details)).toEqual([
      { user: person.email, from: "member", to: "owner" },
      { user: org.ownerEmail, from: "owner", to: "admin" },
    ]);
  });

  it("refuses to demote the last owner", async () => {
    await expect(changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: ownerMembershipId, role: "admin", actor: owner() })).rejects.toMatchObject({ code: "conflict", field: "role" });
    expect(await roleOf(ownerMembershipId)).toBe("owner");
  });

  it("keeps one owner when two owners demote each other at the same moment", async () => {
    const second = await addMember(db.prisma, org.orgId, "owner");
    const results = await Promise.allSettled([
      changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: second.membershipId, role: "member", actor: owner() }),
      changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: ownerMembershipId, role: "member", actor: second }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.prisma.membership.count({ where: { orgId: org.orgId, role: "owner" } })).toBe(1);
  });

  it("lets only owners grant or take away the owner role", async () => {
    const admin = await addMember(db.prisma, org.orgId, "admin");
    const person = await addMember(db.prisma, org.orgId, "member");
    await expect(changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: person.membershipId, role: "owner", actor: admin })).rejects.toMatchObject({ code: "forbidden" });
    await expect(changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: admin.membershipId, role: "owner", actor: admin })).rejects.toMatchObject({ code: "forbidden" });
    await addMember(db.prisma, org.orgId, "owner");
    await expect(changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: ownerMembershipId, role: "member", actor: admin })).rejects.toMatchObject({ code: "forbidden" });
    // An admin manages the roles below owner.
    await changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: person.membershipId, role: "admin", actor: admin });
    expect(await roleOf(person.membershipId)).toBe("admin");
  });

  it("refuses a member acting, and a membership of another org", async () => {
    const member = await addMember(db.prisma, org.orgId, "member");
    const person = await addMember(db.prisma, org.orgId, "member");
    await expect(changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: person.membershipId, role: "admin", actor: member })).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await addMember(db.prisma, other.orgId, "member");
    await expect(changeMemberRole(db.prisma, { orgId: org.orgId, membershipId: stranger.membershipId, role: "admin", actor: owner() })).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(stranger.membershipId)).toBe("member");
  });
});

describe("removeMember", () => {
  it("removes a member and revokes their grants in the org", async () => {
    const person = await addMember(db.prisma, org.orgId, "member");
    const client = await addClient(db.prisma, org.orgId);
    const grant = await addGrant(db.prisma, { orgId: org.orgId, userId: person.id, clientRowId: client.id });
    expect(await removeMember(db.prisma, { orgId: org.orgId, membershipId: person.membershipId, actor: owner() })).toEqual({ email: person.email, grantsRevoked: 1 });
    expect(await roleOf(person.membershipId)).toBeUndefined();
    expect(await grantIsDead(db.prisma, grant.id)).toBe(true);
    expect(await db.prisma.auditEvent.count({ where: { orgId: org.orgId, kind: "member.removed", targetId: person.membershipId } })).toBe(1);
  });

  it("refuses to remove the last owner, and lets only owners remove owners", async () => {
    await expect(removeMember(db.prisma, { orgId: org.orgId, membershipId: ownerMembershipId, actor: owner() })).rejects.toMatchObject({ code: "conflict" });
    const admin = await addMember(db.prisma, org.orgId, "admin");
    const second = await addMember(db.prisma, org.orgId, "owner");
    await expect(removeMember(db.prisma, { orgId: org.orgId, membershipId: second.membershipId, actor: admin })).rejects.toMatchObject({ code: "forbidden" });
    await removeMember(db.prisma, { orgId: org.orgId, membershipId: second.membershipId, actor: owner() });
    expect(await roleOf(second.membershipId)).toBeUndefined();
  });

  it("keeps one owner when two owners remove each other at the same moment", async () => {
    const second = await addMember(db.prisma, org.orgId, "owner");
    const results = await Promise.allSettled([
      removeMember(db.prisma, { orgId: org.orgId, membershipId: second.membershipId, actor: owner() }),
      removeMember(db.prisma, { orgId: org.orgId, membershipId: ownerMembershipId, actor: second }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.prisma.membership.count({ where: { orgId: org.orgId, role: "owner" } })).toBe(1);
  });

  it("refuses a member acting, and a membership of another org", async () => {
    const member = await addMember(db.prisma, org.orgId, "member");
    const person = await addMember(db.prisma, org.orgId, "member");
    await expect(removeMember(db.prisma, { orgId: org.orgId, membershipId: person.membershipId, actor: member })).rejects.toMatchObject({ code: "forbidden" });
    const stranger = await addMember(db.prisma, other.orgId, "member");
    await expect(removeMember(db.prisma, { orgId: org.orgId, membershipId: stranger.membershipId, actor: owner() })).rejects.toMatchObject({ code: "not_found" });
    expect(await roleOf(stranger.membershipId)).toBe("member");
  });
});
