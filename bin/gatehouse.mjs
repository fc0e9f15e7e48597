#!/usr/bin/env node
// `npx gatehouse`: the command-line tool. The commands are TypeScript, loaded through tsx with the
// project's tsconfig (for the `@/` paths), wherever the command is run from.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { register } from "tsx/esm/api";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
register({ tsconfig: path.join(root, "tsconfig.json") });
const { runCli } = await import("../lib/server/cli/runCli.ts");
process.exitCode = await runCli(process.argv.slice(2));
