import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acceptInvite } from "@/lib/server/invites/acceptInvite";
import { createInvite, INVITE_LIFETIME_MS } from "@/lib/server/invites/createInvite";
import { findInvite } from "@/lib/server/invites/findInvite";
import { createFirstAccount } from "@/lib/server/orgs/createFirstAccount";
import { createUser } from "@/lib/server/users/createUser";
import { openTestDatabase, TEST_SECRET_KEY, type TestDatabase } from "../support/testDatabase";

let db: TestDatabase;
let orgId: string;
let ownerId: string;
beforeAll(async () => {
  db = await openTestDatabase();
  const { user, org } = await createFirstAccount(db.prisma, { email: "owner@example.com", password: "long enough", orgSlug: "acme", orgName: "Acme" }, TEST_SECRET_KEY);
  orgId = org.id;
  ownerId = user.id;
});
afterAll(() => db.close());

describe("invites", () => {
  it("stores only the token's hash and lets a new person join once, with the invited role", async () => {
    const { token, invite } = await createInvite(db.prisma, { orgId, role: "member", createdById: ownerId });
    expect(invite.tokenHash).not.toContain(token);
    expect((await findInvite(db.prisma, token)).org.slug).toBe("acme");

    const { user, membership } = await acceptInvite(db.prisma, token, { newUser: { email: "New@Example.com", password: "long enough" } });
    expect(user.email).toBe("new@example.com");
    expect(membership.role).toBe("member");

    await expect(findInvite(db.prisma, token)).rejects.toMatchObject({ code: "expired", message: "This invitation link has already been used. Ask an admin for a new one." });
    const second = acceptInvite(db.prisma, token, { newUser: { email: "second@example.com", password: "long enough" } });
    await expect(second).rejects.toMatchObject({ code: "expired" });
    expect(await db.prisma.user.findUnique({ where: { email: "second@example.com" } })).toBeNull();
  });

  it("lets an existing, signed-in user join with an admin invite", async () => {
    const existing = await db.prisma.$transaction((tx) => createUser(tx, { email: "existing@example.com", password: "long enough" }));
    const { token } = await createInvite(db.prisma, { orgId, role: "admin", createdById: ownerId });
    const { membership } = await acceptInvite(db.prisma, token, { userId: existing.id });
    expect(membership).toMatchObject({ userId: existing.id, role: "admin" });
  });

  it("refuses an expired link", async () => {
    const created = new Date(Date.now() - INVITE_LIFETIME_MS - 1000);
    const { token } = await createInvite(db.prisma, { orgId, role: "member", createdById: ownerId }, created);
    await expect(findInvite(db.prisma, token)).rejects.toMatchObject({ code: "expired", message: "This invitation link has expired. Ask an admin for a new one." });
    await expect(acceptInvite(db.prisma, token, { newUser: { email: "late@example.com", password: "long enough" } })).rejects.toMatchObject({ code: "expired" });
  });

  it("refuses an unknown link", async () => {
    await expect(findInvite(db.prisma, "not-a-token")).rejects.toMatchObject({ code: "not_found", message: "This invitation link is not valid. Ask an admin for a new one." });
  });

  it("admits exactly one of two people racing for the same link", async () => {
    const { token } = await createInvite(db.prisma, { orgId, role: "member", createdById: ownerId });
    const results = await Promise.allSettled([
      acceptInvite(db.prisma, token, { newUser: { email: "racer1@example.com", password: "long enough" } }),
      acceptInvite(db.prisma, token, { newUser: { email: "racer2@example.com", password: "long enough" } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });
});
