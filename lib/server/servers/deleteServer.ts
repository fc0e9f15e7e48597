import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import type { ServerWriteContext } from "./ServerContext";
import { ChangeFeed } from "../cache/ChangeFeed";

/**
 * Deletes an MCP server and its scopes. Grants for it stay (their `resource` is kept for the
 * record) but no token can be issued for it any more, and its live tokens stop working because
 * nothing answers for their audience. If it was the org's default resource, the org has none until
 * an admin picks one. Audited as `server.deleted`.
 */
export async function deleteServer(ctx: ServerWriteContext, orgId: string, slug: string): Promise<void> {
  const server = await ctx.prisma.mcpServer.findUnique({ where: { orgId_slug: { orgId, slug } }, select: { id: true, slug: true, resourceUri: true } });
  if (!server) throw new UseCaseError("not_found", `There is no MCP server "${slug.slice(0, 64)}" in this organization`);
  await ctx.prisma.mcpServer.delete({ where: { id: server.id } });
  ChangeFeed.announce(ctx.prisma, { kind: "org", orgId });
  await recordAuditEvent(ctx.prisma, {
    orgId,
    kind: "server.deleted",
    actor: ctx.actor,
    serverId: server.id,
    target: { type: "server", id: server.id },
    request: ctx.request,
    details: { slug: server.slug },
  });
}
