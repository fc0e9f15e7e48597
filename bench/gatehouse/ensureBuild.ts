import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";

/**
 * The production server serves pages from Next's build: build once when there is none (as
 * `npm start` would, but before the clock starts, so no measurement includes it).
 */
export function ensureBuild(root: string): void {
  if (existsSync(path.join(root, ".next", "BUILD_ID"))) return;
  console.log("[bench] no production build yet: running `npm run build` (once)");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NODE_ENV: "production" } });
  if (result.status !== 0) throw new Error("`npm run build` failed; see its output above");
}
