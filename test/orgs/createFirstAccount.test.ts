import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decryptSecret } from "@/lib/server/crypto/encryptSecret";
import { verifyPassword } from "@/lib/server/crypto/password";
import { UseCaseError } from "@/lib/server/errors/UseCaseError";
import { createFirstAccount } from "@/lib/server/orgs/createFirstAccount";
import { openTestDatabase, TEST_SECRET_KEY, type TestDatabase } from "../support/testDatabase";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const input = { email: "Owner@Example.com", password: "correct horse", name: "Olive", orgSlug: "acme", orgName: "Acme Inc" };

describe("createFirstAccount", () => {
  it.each([
    [{ ...input, email: "not-an-email" }, "email", "Enter a valid email address"],
    [{ ...input, password: "short" }, "password", "Use at least 8 characters"],
    [{ ...input, orgSlug: "Acme!" }, "slug", "Use lower-case letters, digits and inner hyphens only"],
    [{ ...input, orgSlug: "-acme" }, "slug", "Use lower-case letters, digits and inner hyphens only"],
    [{ ...input, orgSlug: "a" }, "slug", "The slug needs at least 2 characters"],
    [{ ...input, orgName: "  " }, "name", "Give the organization a name"],
  ])("refuses bad input %#, naming the field, and creates nothing", async (bad, field, message) => {
    const attempt = createFirstAccount(db.prisma, bad, TEST_SECRET_KEY);
    await expect(attempt).rejects.toMatchObject({ code: "invalid", field, message });
    expect(await db.prisma.user.count()).toBe(0);
    expect(await db.prisma.org.count()).toBe(0);
  });

  it("creates the owner and the org with its defaults: demo server, scopes, tool map, signing key", async () => {
    const { user, org } = await createFirstAccount(db.prisma, input, TEST_SECRET_KEY);
    expect(user.email).toBe("owner@example.com");
    expect(await verifyPassword(user.passwordHash, "correct horse")).toBe(true);
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(org).toMatchObject({ slug: "acme", name: "Acme Inc", openRegistration: true, authorizePolicy: "members", accessTokenTtlSec: 3600, refreshTokenTtlSec: 2592000 });

    const membership = await db.prisma.membership.findFirstOrThrow({ where: { orgId: org.id } });
    expect(membership).toMatchObject({ userId: user.id, role: "owner" });

    const demo = await db.prisma.mcpServer.findFirstOrThrow({ where: { orgId: org.id }, include: { scopes: { orderBy: { name: "asc" } } } });
    expect(org.defaultServerId).toBe(demo.id);
    expect(demo).toMatchObject({ slug: "demo", resourceUri: null, upstreamUrl: null });
    expect(demo.toolScopes).toEqual({ whoami: ["mcp:tools"], echo: ["mcp:tools"], admin_report: ["mcp:admin"] });
    expect(demo.scopes.map((s) => [s.name, s.isDefault])).toEqual([["mcp:admin", false], ["mcp:tools", true]]);

    const key = await db.prisma.signingKey.findFirstOrThrow({ where: { orgId: org.id } });
    expect(key).toMatchObject({ alg: "ES256", status: "active" });
    expect(key.publicJwk).toMatchObject({ kty: "EC", crv: "P-256", kid: key.kid, alg: "ES256", use: "sig" });
    expect(key.publicJwk).not.toHaveProperty("d");
    expect(key.privateJwkEncrypted).not.toContain('"d"');
    expect(JSON.parse(decryptSecret(key.privateJwkEncrypted, TEST_SECRET_KEY))).toHaveProperty("d");
  });

  it("is refused once any user exists, so the set-up form cannot be replayed", async () => {
    const again = createFirstAccount(db.prisma, { ...input, email: "intruder@example.com", orgSlug: "evil" }, TEST_SECRET_KEY);
    await expect(again).rejects.toBeInstanceOf(UseCaseError);
    await expect(again).rejects.toMatchObject({ code: "forbidden", message: "Gatehouse is already set up: sign in instead" });
    expect(await db.prisma.user.count()).toBe(1);
  });
});

it("refuses a reserved slug that a portal route already uses", async () => {
  const fresh = await openTestDatabase();
  await expect(createFirstAccount(fresh.prisma, { ...input, orgSlug: "new" }, TEST_SECRET_KEY)).rejects.toMatchObject({ code: "invalid", field: "slug", message: 'The slug "new" is reserved' });
  await fresh.close();
});
