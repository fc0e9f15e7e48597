import { getConfig } from "../config/getConfig";
import { applyMigrations, markMigrationRolledBack } from "../db/applyMigrations";
import { MIGRATIONS_DIR } from "../db/getDatabase";
import { openDatabase } from "../db/openDatabase";
import type { CliCommand } from "./CliCommand";

export const migrateCommand: CliCommand = {
  name: "migrate",
  summary: "Apply pending database migrations",
  usage: "gatehouse migrate [--rolled-back <migration>]",
  options: { "rolled-back": { type: "string" } },
  async run(values, io) {
    const config = getConfig();
    const db = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      const name = values["rolled-back"];
      if (typeof name === "string") {
        const marked = await db.withSession((sql) => markMigrationRolledBack(sql, name));
        if (!marked) throw new Error(`No failed migration named ${name} is recorded`);
        io.out(`Marked ${name} as rolled back: fix it, then run gatehouse migrate again.`);
        return;
      }
      const result = await db.withSession((sql) => applyMigrations(sql, MIGRATIONS_DIR));
      for (const m of result.applied) io.out(`Applied ${m}`);
      for (const m of result.modified) io.err(`Warning: ${m} was edited after it was applied`);
      if (result.applied.length === 0) io.out("The database is up to date.");
    } finally {
      await db.close();
    }
  },
};
