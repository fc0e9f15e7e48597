import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { ToolScopeMap } from "@/lib/mcp/scopes/ToolScopeMap";
import { decryptSecret } from "../crypto/encryptSecret";
import { serverSelect } from "../servers/ServerView";
import { serverUrls } from "../servers/serverUrls";
import { currentServerGeneration } from "./gatewayServerCache";
import type { McpRuntime } from "./McpRuntime";
import type { ProtectedServer } from "./ProtectedServer";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
const MAX_CACHED = 1000;

/**
 * The org and server a resource URL names, with what the resource side needs: identifier, scopes,
 * compiled tool map, upstream and decrypted credential. Kept per process for
 * `options.serverCacheMs` (unknown names too, so a flood of them costs one query per name), and
 * dropped at once after a local change (gatewayServerCache). Unknown: 404 in OAuth form.
 */
export async function loadProtectedServer(runtime: McpRuntime, orgSlug: string, serverSlug: string): Promise<ProtectedServer> {
  const found = SLUG.test(orgSlug) && SLUG.test(serverSlug) ? await cached(runtime, orgSlug, serverSlug) : null;
  if (!found) {
    throw new OAuthError("invalid_request", `There is no MCP server "${serverSlug.slice(0, 64)}" in organization "${orgSlug.slice(0, 64)}" on this server`, { status: 404 });
  }
  return found;
}

function cached(runtime: McpRuntime, orgSlug: string, serverSlug: string): Promise<ProtectedServer | null> {
  const key = `${orgSlug}/${serverSlug}`;
  const now = runtime.oauth.clock.now().getTime();
  const generation = currentServerGeneration();
  const entry = runtime.servers.get(key);
  if (entry && entry.generation === generation && now - entry.loadedAt < runtime.options.serverCacheMs) return entry.value;
  const value = load(runtime, orgSlug, serverSlug);
  runtime.servers.delete(key);
  if (runtime.servers.size >= MAX_CACHED) runtime.servers.delete(runtime.servers.keys().next().value!);
  runtime.servers.set(key, { loadedAt: now, generation, value });
  value.catch(() => runtime.servers.delete(key));
  return value;
}

async function load(runtime: McpRuntime, orgSlug: string, serverSlug: string): Promise<ProtectedServer | null> {
  const { prisma, config } = runtime.oauth;
  const org = await prisma.org.findUnique({
    where: { slug: orgSlug },
    select: { id: true, slug: true, name: true, servers: { where: { slug: serverSlug }, select: serverSelect } },
  });
  const row = org?.servers[0];
  if (!org || !row) return null;
  const urls = serverUrls(config.publicUrl, org.slug, row);
  const defaultScopes = row.scopes.filter((s) => s.isDefault).map((s) => s.name);
  const issuer = `${config.publicUrl}/orgs/${org.slug}`;
  return {
    org: { id: org.id, slug: org.slug, name: org.name, issuer },
    id: row.id,
    slug: row.slug,
    name: row.name,
    mode: row.resourceUri === null ? "gateway" : "external",
    urls,
    scopes: row.scopes,
    defaultScopes,
    toolScopes: new ToolScopeMap(row.toolScopes),
    upstreamUrl: row.upstreamUrl,
    upstreamCredential: row.upstreamCredentialEncrypted === null ? null : decryptSecret(row.upstreamCredentialEncrypted, config.secretKey),
    resourceContext: { orgId: org.id, issuer, resource: urls.resource, challenge: { resourceMetadataUrl: urls.resourceMetadataUrl, scopes: defaultScopes } },
  };
}
