// The Prisma CLI insists on locating its native schema engine at start-up, which it would download.
// `generate`, `validate` and `format` never run it, so any existing file satisfies the check.
// Migrations run through scripts/db (WebAssembly engine and our own applier), not the CLI.
process.env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;

import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: process.env.DATABASE_URL ? { url: process.env.DATABASE_URL } : undefined,
});
