import { UseCaseError } from "../errors/UseCaseError";
import { getServer } from "./getServer";
import type { ServerWriteContext } from "./ServerContext";
import type { ServerView } from "./ServerView";
import { updateServer } from "./updateServer";

/**
 * Removes a scope from a server. Refused while a tool of the tool map needs it (change the map
 * first). Grants that include it keep the name; tokens carrying it stay valid until they expire.
 */
export async function removeScope(ctx: ServerWriteContext, orgId: string, slug: string, name: string): Promise<ServerView> {
  const server = await getServer(ctx, orgId, slug);
  if (!server.scopes.some((s) => s.name === name)) throw new UseCaseError("not_found", `The server has no scope ${name.slice(0, 64)}`, "name");
  const tools = Object.entries(server.toolScopes).filter(([, scopes]) => scopes.includes(name)).map(([tool]) => tool);
  if (tools.length > 0) throw new UseCaseError("conflict", `The scope ${name} is needed by ${tools.join(", ")}: change the tool map first`, "name");
  return updateServer(ctx, orgId, slug, { scopes: server.scopes.filter((s) => s.name !== name) });
}
