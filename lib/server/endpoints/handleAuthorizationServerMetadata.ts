import { buildAuthorizationServerMetadata } from "@/lib/oauth/metadata/buildAuthorizationServerMetadata";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { sentBodies } from "../http/sentBodies";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrgSnapshot } from "../oauth/loadOrgSnapshot";

/**
 * GET: the org's RFC 8414 metadata, which is also its OpenID Connect Discovery document, at every
 * URL form of the URL map. Cacheable for five minutes: clients fetch it on every connection. The
 * serialized document is kept with the org's snapshot, so it is rebuilt only after a change.
 */
export const handleAuthorizationServerMetadata = oauthEndpoint<{ org: string }>(async (_request, params) => {
  const runtime = await getOAuthRuntime();
  const { org, resources, documents } = await loadOrgSnapshot(runtime, params.org);
  let body = documents.get("authorization-server");
  if (body === undefined) {
    const metadata = buildAuthorizationServerMetadata(org.issuer, {
      scopesSupported: [...new Set(resources.flatMap((r) => r.scopes.map((s) => s.name)))],
      registrationEnabled: org.openRegistration,
      clientIdMetadataDocumentSupported: org.cimdEnabled,
      protectedResources: resources.map((r) => r.resource),
    });
    body = JSON.stringify(metadata);
    documents.set("authorization-server", body);
  }
  const response = new Response(body, { headers: { "content-type": "application/json", "cache-control": "public, max-age=300" } });
  sentBodies.set(response, body);
  return response;
});
