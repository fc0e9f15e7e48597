import { UseCaseError } from "../errors/UseCaseError";
import { loadOrgForServers } from "./loadOrgForServers";
import type { ServerReadContext } from "./ServerContext";
import { serverSelect, type ServerView, toServerView } from "./ServerView";

/** One MCP server of the org by slug; `not_found` otherwise. */
export async function getServer(ctx: ServerReadContext, orgId: string, slug: string): Promise<ServerView> {
  const org = await loadOrgForServers(ctx.prisma, orgId);
  const row = await ctx.prisma.mcpServer.findUnique({ where: { orgId_slug: { orgId, slug } }, select: serverSelect });
  if (!row) throw new UseCaseError("not_found", `There is no MCP server "${slug.slice(0, 64)}" in this organization`);
  return toServerView(row, org, ctx.publicUrl);
}
