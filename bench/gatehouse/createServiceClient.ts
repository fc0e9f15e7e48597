import { spawnSync } from "node:child_process";
import path from "node:path";

export interface ServiceClient {
  client_id: string;
  client_secret: string;
}

/**
 * A confidential client_credentials client made the documented way, `npx gatehouse create-client
 * ... --json` (the CLI is the only way to get client_credentials and introspection rights), run
 * directly with node to skip npx's start-up.
 */
export function createServiceClient(root: string, env: NodeJS.ProcessEnv, org: string, scope: string): ServiceClient {
  const args = ["create-client", "--org", org, "--name", "Bench service", "--grant-types", "client_credentials", "--scope", scope, "--introspect", "--json"];
  const result = spawnSync(process.execPath, [path.join(root, "bin", "gatehouse.mjs"), ...args], { cwd: root, env, encoding: "utf8", timeout: 60_000 });
  if (result.status !== 0) throw new Error(`gatehouse create-client failed (${result.status}): ${result.stderr}`);
  const line = result.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(line) as ServiceClient;
}
