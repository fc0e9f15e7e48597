import { createHash } from "node:crypto";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations, listMigrations, markMigrationRolledBack, MigrationError } from "@/lib/server/db/applyMigrations";
import { MIGRATIONS, openTestDatabase, type TestDatabase } from "../support/testDatabase";

let db: TestDatabase | undefined;
afterEach(async () => {
  await db?.close();
  db = undefined;
});

function copyOfMigrations(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "gh-migrations-"));
  cpSync(MIGRATIONS, dir, { recursive: true });
  return dir;
}

function addMigration(dir: string, name: string, sql: string) {
  mkdirSync(path.join(dir, name));
  writeFileSync(path.join(dir, name, "migration.sql"), sql);
}

const rows = (d: TestDatabase) =>
  d.withSession((sql) =>
    sql.query<{ migration_name: string; checksum: string; finished_at: Date | null; logs: string | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, logs, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at, migration_name`,
    ),
  ).then((r) => r.rows);

const tableExists = (d: TestDatabase, table: string) =>
  d.withSession((sql) => sql.query<{ n: string }>(`SELECT count(*)::text AS n FROM information_schema.tables WHERE table_name = $1`, [table])).then((r) => r.rows[0]!.n === "1");

describe("applyMigrations", () => {
  it("applies every migration to an empty database and records it as prisma migrate deploy does", async () => {
    db = await openTestDatabase({ migrate: false });
    const result = await db.withSession((sql) => applyMigrations(sql, MIGRATIONS));
    const expected = listMigrations(MIGRATIONS);
    expect(result.applied).toEqual(expected.map((m) => m.name));
    const recorded = await rows(db);
    expect(recorded.map((r) => r.migration_name)).toEqual(expected.map((m) => m.name));
    for (const r of recorded) {
      expect(r.finished_at).toBeInstanceOf(Date);
      const sql = readFileSync(path.join(MIGRATIONS, r.migration_name, "migration.sql"), "utf8");
      expect(r.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    }
    expect(await db.prisma.org.count()).toBe(0);
  });

  it("is a no-op when applied again", async () => {
    db = await openTestDatabase({ migrate: false });
    await db.withSession((sql) => applyMigrations(sql, MIGRATIONS));
    const before = await rows(db);
    const again = await db.withSession((sql) => applyMigrations(sql, MIGRATIONS));
    expect(again).toEqual({ applied: [], modified: [] });
    expect(await rows(db)).toEqual(before);
  });

  it("fails loudly on a broken migration, changes nothing, records it as failed, and blocks later runs until it is rolled back", async () => {
    db = await openTestDatabase({ migrate: false });
    const dir = copyOfMigrations();
    addMigration(dir, "99990101000000_broken", `CREATE TABLE "HalfDone" (id INT);\nSELECT * FROM "no_such_table";\n`);

    const first = db.withSession((sql) => applyMigrations(sql, dir));
    await expect(first).rejects.toThrow(MigrationError);
    await expect(first).rejects.toThrow(/99990101000000_broken failed and was rolled back: .*no_such_table/);
    expect(await tableExists(db, "HalfDone")).toBe(false);
    const failed = (await rows(db)).find((r) => r.migration_name === "99990101000000_broken")!;
    expect(failed.finished_at).toBeNull();
    expect(failed.logs).toMatch(/no_such_table/);

    await expect(db.withSession((sql) => applyMigrations(sql, dir))).rejects.toThrow(/failed earlier and blocks the others/);

    writeFileSync(path.join(dir, "99990101000000_broken", "migration.sql"), `CREATE TABLE "HalfDone" (id INT);\n`);
    expect(await db.withSession((sql) => markMigrationRolledBack(sql, "99990101000000_broken"))).toBe(true);
    const fixed = await db.withSession((sql) => applyMigrations(sql, dir));
    expect(fixed.applied).toEqual(["99990101000000_broken"]);
    expect(await tableExists(db, "HalfDone")).toBe(true);
  });

  it("reports an applied migration whose file was edited since", async () => {
    db = await openTestDatabase({ migrate: false });
    const dir = copyOfMigrations();
    addMigration(dir, "99990101000001_extra", `CREATE TABLE "Extra" (id INT);\n`);
    await db.withSession((sql) => applyMigrations(sql, dir));
    writeFileSync(path.join(dir, "99990101000001_extra", "migration.sql"), `CREATE TABLE "Extra" (id BIGINT);\n`);
    expect(await db.withSession((sql) => applyMigrations(sql, dir))).toEqual({ applied: [], modified: ["99990101000001_extra"] });
  });
});
