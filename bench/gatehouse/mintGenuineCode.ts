import { spawnSync } from "node:child_process";
import path from "node:path";

/** Runs mintCode.ts in its own process (it opens the database as the server does) and returns its answer. */
export function mintGenuineCode(
  root: string,
  env: NodeJS.ProcessEnv,
  request: { org: string; ownerEmail: string; clientId: string; redirectUri: string; resource: string; scope: string },
): { code: string; verifier: string; ownerId: string } {
  const args = ["--import", "tsx", path.join(root, "bench", "gatehouse", "mintCode.ts"), request.org, request.ownerEmail, request.clientId, request.redirectUri, request.resource, request.scope];
  const result = spawnSync(process.execPath, args, { cwd: root, env, encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`minting an authorization code failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split("\n").at(-1) ?? "") as { code: string; verifier: string; ownerId: string };
}
