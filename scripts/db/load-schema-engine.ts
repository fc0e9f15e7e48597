import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** The subset of the WebAssembly schema engine that Gatehouse uses. */
export interface SchemaEngine {
  diff(params: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
}

/**
 * Loads Prisma's schema engine compiled to WebAssembly, bound to an in-memory PGlite (whose
 * adapter also provides the shadow database). The package's own entry imports the `.wasm` as an
 * ES module, which Node refuses, so the glue module is loaded by path and instantiated by hand.
 */
export async function loadSchemaEngine(): Promise<{ engine: SchemaEngine; close(): Promise<void> }> {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve("@prisma/schema-engine-wasm"));
  const glue = await import(pathToFileURL(path.join(dir, "schema_engine_bg.js")).href);
  const wasm = await readFile(path.join(dir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(wasm, { "./schema_engine_bg.js": glue });
  glue.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();

  const db = new PGlite();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPGlite(db));
  const logs: string[] = [];
  const engine = (await glue.SchemaEngine.new(
    { datamodels: undefined },
    (log: string) => logs.push(log),
    adapter,
  )) as SchemaEngine;
  return {
    engine,
    async close() {
      engine.free();
      await db.close();
    },
  };
}
