import { recordAuditEvent } from "../audit/recordAuditEvent";
import { getServer } from "./getServer";
import { loadOrgForServers } from "./loadOrgForServers";
import type { ServerWriteContext } from "./ServerContext";
import { createServerInput, parseInput } from "./serverInput";
import type { ServerView } from "./ServerView";
import { writeServer } from "./writeServer";
import { ChangeFeed } from "../cache/ChangeFeed";

/**
 * Registers an MCP server in the org: behind the gateway (no `resourceUri`; an optional upstream
 * URL and credential, else the built-in demo server answers) or hosted elsewhere (`resourceUri`).
 * Checks: the input's syntax (serverInput), then checkServerState. The upstream credential is
 * stored encrypted. `isDefault` makes it the org's default resource. Audited as `server.created`.
 */
export async function createServer(ctx: ServerWriteContext, orgId: string, input: unknown): Promise<ServerView> {
  const parsed = parseInput(createServerInput, input);
  const org = await loadOrgForServers(ctx.prisma, orgId);
  const serverId = await ctx.prisma.$transaction((tx) => writeServer(tx, { org, publicUrl: ctx.publicUrl, secretKey: ctx.secretKey }, null, parsed));
  ChangeFeed.announce(ctx.prisma, { kind: "org", orgId });
  const view = await getServer(ctx, orgId, parsed.slug);
  await recordAuditEvent(ctx.prisma, {
    orgId,
    kind: "server.created",
    actor: ctx.actor,
    serverId,
    target: { type: "server", id: serverId },
    request: ctx.request,
    details: { slug: view.slug, mode: view.mode, resource: view.urls.resource, upstream: view.upstreamUrl, scopes: view.scopes.map((s) => s.name) },
  });
  return view;
}
