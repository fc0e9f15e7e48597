import type { Upstream } from "@/lib/mcp/gateway/forwardGatewayRequest";
import { ToolScopeMap } from "@/lib/mcp/scopes/ToolScopeMap";
import { getConfig } from "../config/getConfig";
import { decryptSecret } from "../crypto/encryptSecret";
import { getDatabase } from "../db/getDatabase";
import { UseCaseError } from "../errors/UseCaseError";
import { demoUpstream } from "../mcp/demo/demoUpstream";
import { httpUpstream } from "../mcp/httpUpstream";

/**
 * Who answers behind the gateway for one server of the org, as the gateway calls it: its upstream
 * URL with its credential, or the built-in demo server. A server hosted elsewhere has none.
 */
export async function serverUpstream(org: { id: string; name: string }, slug: string): Promise<{ upstream: Upstream; scopes: string[] }> {
  const { prisma } = await getDatabase();
  const row = await prisma.mcpServer.findUnique({
    where: { orgId_slug: { orgId: org.id, slug } },
    select: { name: true, resourceUri: true, upstreamUrl: true, upstreamCredentialEncrypted: true, toolScopes: true, scopes: { select: { name: true } } },
  });
  if (!row) throw new UseCaseError("not_found", `There is no MCP server "${slug.slice(0, 64)}" in this organization`);
  if (row.resourceUri !== null) throw new UseCaseError("invalid", "This server is hosted elsewhere: Gatehouse does not call it. Enter its tools by hand.");
  const scopes = row.scopes.map((s) => s.name);
  if (row.upstreamUrl === null) return { upstream: demoUpstream({ orgName: org.name, serverName: row.name, toolScopes: new ToolScopeMap(row.toolScopes as Record<string, string[]>) }), scopes };
  const credential = row.upstreamCredentialEncrypted === null ? null : decryptSecret(row.upstreamCredentialEncrypted, getConfig().secretKey);
  return { upstream: httpUpstream(row.upstreamUrl, credential), scopes };
}
