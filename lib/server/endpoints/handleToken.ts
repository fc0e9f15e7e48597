import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { processTokenRequest } from "@/lib/oauth/token/processTokenRequest";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { presentedClientId } from "../http/presentedClientId";
import { readFormBody } from "../http/readFormBody";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";
import { throttleClientAuthentication } from "../ratelimit/throttleClientAuthentication";

/**
 * POST /orgs/{org}/api/v1/oauth/token: the org exists, the body is a form of at most 64 KiB, then
 * processTokenRequest (grant type, client authentication, the grant's own checks). Every issued
 * and every refused token is audited. RFC 6749 §5.1: `no-store` and `Pragma: no-cache`. Failed
 * client authentications are rate limited (throttleClientAuthentication): 429 once too many.
 */
export const handleToken = oauthEndpoint<{ org: string }>(async (request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const form = await readFormBody(request);
  const throttle = await throttleClientAuthentication(request, form, org.orgId);
  if (throttle.refusal) return throttle.refusal;
  const authorization = request.headers.get("authorization");
  const clientId = presentedClientId(authorization, form);
  const audit = { orgId: org.orgId, actor: { type: "client" as const, id: clientId }, clientId, request };
  const grantType = form.get("grant_type")?.slice(0, 60) ?? null;
  try {
    const tokens = await processTokenRequest({ authorization, form }, { ...runtime, org });
    await recordAuditEvent(runtime.prisma, { ...audit, kind: "token.issued", details: { grant_type: grantType, scope: tokens.scope, refresh_token: tokens.refresh_token !== undefined } });
    return jsonResponse(tokens, { headers: { pragma: "no-cache" } });
  } catch (error) {
    if (isOAuthError(error) && error.error === "invalid_client") await throttle.failed();
    if (isOAuthError(error)) await recordAuditEvent(runtime.prisma, { ...audit, kind: "token.refused", details: { grant_type: grantType, error: error.error, reason: error.description } });
    throw error;
  }
});
