import { buildAuthorizationServerMetadata } from "@/lib/oauth/metadata/buildAuthorizationServerMetadata";
import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";
import { resourceUriOf } from "../servers/resourceUriOf";

/**
 * GET: the org's RFC 8414 metadata, which is also its OpenID Connect Discovery document, at every
 * URL form of the URL map. Cacheable for five minutes: clients fetch it on every connection.
 */
export const handleAuthorizationServerMetadata = oauthEndpoint<{ org: string }>(async (_request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const servers = await runtime.prisma.mcpServer.findMany({
    where: { orgId: org.orgId },
    select: { slug: true, resourceUri: true, scopes: { select: { name: true } } },
    orderBy: { createdAt: "asc" },
  });
  const scopes = [...new Set(servers.flatMap((s) => s.scopes.map((sc) => sc.name)))];
  const metadata = buildAuthorizationServerMetadata(org.issuer, {
    scopesSupported: scopes,
    registrationEnabled: org.openRegistration,
    clientIdMetadataDocumentSupported: org.cimdEnabled,
    protectedResources: servers.map((s) => resourceUriOf(s, org, runtime.config.publicUrl)),
  });
  return jsonResponse(metadata, { headers: { "cache-control": "public, max-age=300" } });
});
