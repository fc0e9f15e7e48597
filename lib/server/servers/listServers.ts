import { loadOrgForServers } from "./loadOrgForServers";
import type { ServerReadContext } from "./ServerContext";
import { serverSelect, type ServerView, toServerView } from "./ServerView";

/** The org's MCP servers, oldest first, each with its scopes, tool map and discovery URLs. */
export async function listServers(ctx: ServerReadContext, orgId: string): Promise<ServerView[]> {
  const org = await loadOrgForServers(ctx.prisma, orgId);
  const rows = await ctx.prisma.mcpServer.findMany({ where: { orgId }, select: serverSelect, orderBy: [{ createdAt: "asc" }, { slug: "asc" }] });
  return rows.map((row) => toServerView(row, org, ctx.publicUrl));
}
