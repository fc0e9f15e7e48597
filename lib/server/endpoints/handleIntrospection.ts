import { authenticateClient } from "@/lib/oauth/client-authentication/authenticateClient";
import { parseOAuthParameters } from "@/lib/oauth/http/parseOAuthParameters";
import { introspectToken } from "@/lib/oauth/introspection/introspectToken";
import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { readFormBody } from "../http/readFormBody";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";
import { throttleClientAuthentication } from "../ratelimit/throttleClientAuthentication";

/**
 * POST /orgs/{org}/api/v1/oauth/introspect (RFC 7662): the org, a form body, the caller
 * authenticated as a client (RFC 7662 §2.1; failures rate limited, 429 once too many), then
 * introspectToken, which answers `{active: false}` for anything the caller may not see.
 */
export const handleIntrospection = oauthEndpoint<{ org: string }>(async (request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const form = await readFormBody(request);
  const parameters = parseOAuthParameters(form);
  const throttle = await throttleClientAuthentication(request, form, org.orgId);
  if (throttle.refusal) return throttle.refusal;
  const { client } = await throttle.guard(authenticateClient({ authorization: request.headers.get("authorization"), params: parameters }, { ...runtime, org }));
  return jsonResponse(await introspectToken({ client, params: parameters }, { ...runtime, org }));
});
