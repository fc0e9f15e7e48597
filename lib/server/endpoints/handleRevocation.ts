import { authenticateClient } from "@/lib/oauth/client-authentication/authenticateClient";
import { parseOAuthParameters } from "@/lib/oauth/http/parseOAuthParameters";
import { revokeToken } from "@/lib/oauth/revocation/revokeToken";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { readFormBody } from "../http/readFormBody";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";
import { throttleClientAuthentication } from "../ratelimit/throttleClientAuthentication";

/**
 * POST /orgs/{org}/api/v1/oauth/revoke (RFC 7009): the org, a form body, the client authenticated
 * (failures rate limited, 429 once too many), then revokeToken. RFC 7009 §2.2: 200 with an empty body, also for unknown tokens.
 */
export const handleRevocation = oauthEndpoint<{ org: string }>(async (request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const form = await readFormBody(request);
  const parameters = parseOAuthParameters(form);
  const throttle = await throttleClientAuthentication(request, form, org.orgId);
  if (throttle.refusal) return throttle.refusal;
  const { client } = await throttle.guard(authenticateClient({ authorization: request.headers.get("authorization"), params: parameters }, { ...runtime, org }));
  await revokeToken({ client, params: parameters }, { ...runtime, org });
  await recordAuditEvent(runtime.prisma, { orgId: org.orgId, kind: "token.revoked", actor: { type: "client", id: client.clientId, label: client.name }, clientId: client.clientId, request, details: { token_type_hint: parameters.get("token_type_hint") ?? null } });
  return new Response(null, { status: 200, headers: { "cache-control": "no-store" } });
});
