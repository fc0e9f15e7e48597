import { UseCaseError } from "../errors/UseCaseError";
import { getServer } from "./getServer";
import type { ServerWriteContext } from "./ServerContext";
import { parseInput, scopePatch } from "./serverInput";
import type { ServerView } from "./ServerView";
import { updateServer } from "./updateServer";

/** Changes a scope's description or flags (a scope is renamed by removing it and adding another). */
export async function updateScope(ctx: ServerWriteContext, orgId: string, slug: string, name: string, input: unknown): Promise<ServerView> {
  const patch = parseInput(scopePatch, input);
  const server = await getServer(ctx, orgId, slug);
  if (!server.scopes.some((s) => s.name === name)) throw new UseCaseError("not_found", `The server has no scope ${name.slice(0, 64)}`, "name");
  return updateServer(ctx, orgId, slug, { scopes: server.scopes.map((s) => (s.name === name ? { ...s, ...patch } : s)) });
}
