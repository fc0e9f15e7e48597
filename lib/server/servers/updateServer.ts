import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import { getServer } from "./getServer";
import { loadOrgForServers } from "./loadOrgForServers";
import type { ServerWriteContext } from "./ServerContext";
import { parseInput, updateServerInput } from "./serverInput";
import { serverSelect, type ServerView } from "./ServerView";
import { writeServer } from "./writeServer";
import { ChangeFeed } from "../cache/ChangeFeed";

/**
 * Changes an MCP server: fields absent from `input` stay as they are; `scopes` replaces the whole
 * list (kept by name, others deleted); `toolScopes` replaces the map; `upstreamCredential: null`
 * removes the credential; `isDefault` true makes it the org's default resource, false stops it
 * being the default. The result must pass checkServerState as a whole (e.g. removing a scope a
 * tool still needs is refused).
 *
 * Beware: a new slug (gateway) or resource URI changes the server's identifier, and tokens issued
 * for the old one stop working. Audited as `server.updated` with the names of the changed fields.
 */
export async function updateServer(ctx: ServerWriteContext, orgId: string, slug: string, input: unknown): Promise<ServerView> {
  const patch = parseInput(updateServerInput, input);
  const org = await loadOrgForServers(ctx.prisma, orgId);
  const serverId = await ctx.prisma.$transaction(async (tx) => {
    const current = await tx.mcpServer.findUnique({ where: { orgId_slug: { orgId, slug } }, select: serverSelect });
    if (!current) throw new UseCaseError("not_found", `There is no MCP server "${slug.slice(0, 64)}" in this organization`);
    return writeServer(tx, { org, publicUrl: ctx.publicUrl, secretKey: ctx.secretKey }, current, patch);
  });
  ChangeFeed.announce(ctx.prisma, { kind: "org", orgId });
  const view = await getServer(ctx, orgId, patch.slug ?? slug);
  await recordAuditEvent(ctx.prisma, {
    orgId,
    kind: "server.updated",
    actor: ctx.actor,
    serverId,
    target: { type: "server", id: serverId },
    request: ctx.request,
    details: { slug: view.slug, changed: Object.keys(patch).sort() },
  });
  return view;
}
