import { buildProtectedResourceMetadata } from "@/lib/mcp/metadata/buildProtectedResourceMetadata";
import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";
import { MANAGEMENT_SCOPES, managementApiResource } from "../servers/managementApiResource";
import { RESOURCE_METADATA_CACHE } from "./handleProtectedResourceMetadata";

/**
 * GET /orgs/{org}/api/v1/.well-known/oauth-protected-resource (the URL map's root metadata of the
 * org's management API), also at its RFC 9728 path-insertion URL
 * /.well-known/oauth-protected-resource/orgs/{org}/api/v1: resource `{PUBLIC_URL}/orgs/{org}/api/v1`,
 * scopes servers:read and servers:write, the org's issuer.
 */
export const handleManagementApiMetadata = oauthEndpoint<{ org: string }>(async (_request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const metadata = buildProtectedResourceMetadata({
    resource: managementApiResource(runtime.config.publicUrl, org.slug),
    issuer: org.issuer,
    scopes: MANAGEMENT_SCOPES.map((s) => s.name),
    name: `${org.name} management API`,
    documentation: `${org.issuer}/api/v1/mcp/openapi.json`,
  });
  return jsonResponse(metadata, { headers: { "cache-control": RESOURCE_METADATA_CACHE } });
});
