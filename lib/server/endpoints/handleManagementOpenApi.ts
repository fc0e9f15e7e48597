import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { buildManagementOpenApi } from "../mcp/buildManagementOpenApi";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";

/** GET /orgs/{org}/api/v1/mcp/openapi.json: the management API's OpenAPI 3.1 document for the org. Public. */
export const handleManagementOpenApi = oauthEndpoint<{ org: string }>(async (_request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  return jsonResponse(buildManagementOpenApi(runtime.config.publicUrl, org), { headers: { "cache-control": "public, max-age=300" } });
});
