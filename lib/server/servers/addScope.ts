import { UseCaseError } from "../errors/UseCaseError";
import { getServer } from "./getServer";
import type { ServerWriteContext } from "./ServerContext";
import { parseInput, scopeInput } from "./serverInput";
import type { ServerView } from "./ServerView";
import { updateServer } from "./updateServer";

/** Adds one scope to a server (name, description, default flag); a name it already has is a conflict. */
export async function addScope(ctx: ServerWriteContext, orgId: string, slug: string, input: unknown): Promise<ServerView> {
  const scope = parseInput(scopeInput, input);
  const server = await getServer(ctx, orgId, slug);
  if (server.scopes.some((s) => s.name === scope.name)) throw new UseCaseError("conflict", `The server already has the scope ${scope.name}`, "name");
  return updateServer(ctx, orgId, slug, { scopes: [...server.scopes, scope] });
}
