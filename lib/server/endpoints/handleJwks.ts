import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";

/**
 * GET: the org's public signing keys (RFC 7517): the active key and retiring keys until the tokens
 * they signed have expired. Short cache: verifiers refetch on an unknown kid anyway.
 */
export const handleJwks = oauthEndpoint<{ org: string }>(async (_request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const keys = await runtime.keys.getPublishedKeys(org.orgId);
  return jsonResponse({ keys }, { headers: { "cache-control": "public, max-age=300" } });
});
