import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { ToolScopeMap } from "@/lib/mcp/scopes/ToolScopeMap";
import { decryptSecret } from "../crypto/encryptSecret";
import { serverSelect } from "../servers/ServerView";
import { serverUrls } from "../servers/serverUrls";
import type { McpRuntime } from "./McpRuntime";
import type { ProtectedServer } from "./ProtectedServer";
import type { ResolvedServer } from "./ResolvedServer";

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
/**
 * The org and server a resource URL names, with what the resource side needs: identifier, scopes,
 * compiled tool map, upstream and decrypted credential. Kept per process until the change feed
 * announces a change to the org, its servers or scopes (unknown names too, for
 * `options.serverCacheMs`, so a flood of them costs one query per name). Unknown: 404 in OAuth form.
 */
export async function loadProtectedServer(runtime: McpRuntime, orgSlug: string, serverSlug: string): Promise<ProtectedServer> {
  const found = SLUG.test(orgSlug) && SLUG.test(serverSlug) ? await cached(runtime, orgSlug, serverSlug) : null;
  if (!found) {
    throw new OAuthError("invalid_request", `There is no MCP server "${serverSlug.slice(0, 64)}" in organization "${orgSlug.slice(0, 64)}" on this server`, { status: 404 });
  }
  return found;
}

async function cached(runtime: McpRuntime, orgSlug: string, serverSlug: string): Promise<ProtectedServer | null> {
  const resolved = await runtime.servers.get(`${orgSlug}/${serverSlug}`, () => load(runtime, orgSlug, serverSlug), {
    group: (value) => value.orgId ?? `unknown org ${orgSlug}`,
    // An unknown name may be created at any moment, by an org that may not exist yet: forgotten soon.
    expiresAt: (value) => (value.server ? Infinity : runtime.oauth.clock.now().getTime() + runtime.options.serverCacheMs),
  });
  return resolved!.server;
}

async function load(runtime: McpRuntime, orgSlug: string, serverSlug: string): Promise<ResolvedServer> {
  const { prisma, config } = runtime.oauth;
  const org = await prisma.org.findUnique({
    where: { slug: orgSlug },
    select: { id: true, slug: true, name: true, servers: { where: { slug: serverSlug }, select: serverSelect } },
  });
  const row = org?.servers[0];
  if (!org || !row) return { orgId: org?.id ?? null, server: null };
  const urls = serverUrls(config.publicUrl, org.slug, row);
  const defaultScopes = row.scopes.filter((s) => s.isDefault).map((s) => s.name);
  const issuer = `${config.publicUrl}/orgs/${org.slug}`;
  const server: ProtectedServer = {
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
  return { orgId: org.id, server };
}
