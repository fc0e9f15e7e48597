// `npm start`: bundles server.ts, with the lib/ code it imports, into one ES module (esbuild, about
// a second), then runs it in this process. Running server.ts through tsx instead would keep tsx's
// module loader thread for the life of the server: a second V8 isolate, about 35 MB of resident
// memory for nothing once the modules are loaded. The bundle is written at every start, so it never
// lags the sources; packages stay in node_modules, imported as they are.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, stop } from "esbuild";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.join(root, "node_modules", ".cache", "gatehouse", "server.mjs");

try {
  await build({
    entryPoints: [path.join(root, "server.ts")],
    outfile,
    tsconfig: path.join(root, "tsconfig.json"),
    bundle: true,
    packages: "external",
    platform: "node",
    format: "esm",
    target: "node20",
    // Read only when Node runs with --enable-source-maps (server.ts).
    sourcemap: "linked",
    logLevel: "warning",
  });
} catch {
  // esbuild has printed the errors with their file and line.
  console.error("[gatehouse] could not bundle server.ts; see the errors above");
  process.exit(1);
} finally {
  await stop();
}
await import(pathToFileURL(outfile).href);
