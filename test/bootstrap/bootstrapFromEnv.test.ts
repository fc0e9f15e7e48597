import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { bootstrapFromEnv } from "@/lib/server/bootstrap/bootstrapFromEnv";
import { loadConfig } from "@/lib/server/config/loadConfig";
import { openTestDatabase, type TestDatabase } from "../support/testDatabase";

let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());

const config = (email: string, org: string) =>
  loadConfig({ GATEHOUSE_ADMIN_EMAIL: email, GATEHOUSE_ADMIN_PASSWORD: "long enough", GATEHOUSE_ORG: org }, mkdtempSync(path.join(tmpdir(), "gh-boot-")));

it("does nothing without the bootstrap variables", async () => {
  expect(await bootstrapFromEnv(db.prisma, loadConfig({}, mkdtempSync(path.join(tmpdir(), "gh-boot-"))))).toBe("skipped");
  expect(await db.prisma.user.count()).toBe(0);
});

it("creates the owner and org once, and is idempotent on every later start, also when started together", async () => {
  const results = await Promise.all([bootstrapFromEnv(db.prisma, config("ops@example.com", "acme")), bootstrapFromEnv(db.prisma, config("ops@example.com", "acme"))]);
  expect(results.sort()).toEqual(["created", "skipped"]);
  expect(await bootstrapFromEnv(db.prisma, config("ops@example.com", "acme"))).toBe("skipped");
  expect(await bootstrapFromEnv(db.prisma, config("other@example.com", "other"))).toBe("skipped");
  const org = await db.prisma.org.findUniqueOrThrow({ where: { slug: "acme" }, include: { memberships: { include: { user: true } } } });
  expect(org.memberships.map((m) => [m.user.email, m.role])).toEqual([["ops@example.com", "owner"]]);
  expect(await db.prisma.user.count()).toBe(1);
});
