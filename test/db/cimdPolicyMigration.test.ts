import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { applyMigrations } from "@/lib/server/db/applyMigrations";
import { MIGRATIONS, openTestDatabase, type TestDatabase } from "../support/testDatabase";

let db: TestDatabase | undefined;
afterAll(() => db?.close());

it("the cimd_policy migration keeps each org's choice: on becomes any public host, off stays off", async () => {
  db = await openTestDatabase({ migrate: false });
  const before = mkdtempSync(path.join(tmpdir(), "gh-migrations-"));
  cpSync(MIGRATIONS, before, { recursive: true });
  rmSync(path.join(before, "20261201100136_cimd_policy"), { recursive: true });
  await db.withSession((sql) => applyMigrations(sql, before));
  await db.withSession((sql) =>
    sql.query(`INSERT INTO "Org" (id, slug, name, "cimdEnabled", "updatedAt") VALUES ('a', 'on-org', 'On', true, now()), ('b', 'off-org', 'Off', false, now())`),
  );

  expect(await db.withSession((sql) => applyMigrations(sql, MIGRATIONS))).toEqual({ applied: ["20261201100136_cimd_policy"], modified: [] });
  const orgs = await db.prisma.org.findMany({ select: { slug: true, cimdPolicy: true, cimdAllowedHosts: true }, orderBy: { slug: "asc" } });
  expect(orgs).toEqual([
    { slug: "off-org", cimdPolicy: "off", cimdAllowedHosts: [] },
    { slug: "on-org", cimdPolicy: "any_public_host", cimdAllowedHosts: [] },
  ]);
});
