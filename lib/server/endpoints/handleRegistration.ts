import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { buildClientInformationResponse } from "@/lib/oauth/registration/buildClientInformationResponse";
import { validateClientMetadata } from "@/lib/oauth/registration/validateClientMetadata";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { insertClient } from "../clients/insertClient";
import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { readJsonObject } from "../http/readJsonObject";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";
import { throttleRegistration } from "../ratelimit/throttleRegistration";

export const MAX_REGISTRATION_BYTES = 64 * 1024;

/**
 * POST /orgs/{org}/api/v1/oauth/register: RFC 7591 dynamic registration, open (anonymous). Checks:
 * 1. the org exists and has open registration on;
 * 2. the caller's address has registered fewer than its limit (throttleRegistration: 429);
 * 3. the body is a JSON object of at most 64 KiB;
 * 4. the metadata is valid for open registration (validateClientMetadata: no client_credentials);
 * then stores the client and answers 201 with its information, the secret (confidential clients)
 * and the RFC 7592 registration access token, each shown this once.
 */
export const handleRegistration = oauthEndpoint<{ org: string }>(async (request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  if (!org.openRegistration) {
    throw new OAuthError("access_denied", `Open registration is turned off for ${org.name}: ask its administrator to register your client`, { status: 403 });
  }
  const throttled = await throttleRegistration(request);
  if (throttled) return throttled;
  const body = await readJsonObject(request, MAX_REGISTRATION_BYTES, "invalid_client_metadata");
  const metadata = validateClientMetadata(body, { open: true });
  const client = await insertClient(runtime, { orgId: org.orgId, source: "dcr", metadata, withRegistrationToken: true });
  await recordAuditEvent(runtime.prisma, {
    orgId: org.orgId,
    kind: "client.registered",
    actor: { type: "client", id: client.clientId, label: metadata.client_name },
    clientId: client.clientId,
    target: { type: "client", id: client.id },
    request,
    details: { via: "dcr", redirect_uris: metadata.redirect_uris, grant_types: metadata.grant_types, token_endpoint_auth_method: metadata.token_endpoint_auth_method },
  });
  const response = buildClientInformationResponse(
    metadata,
    {
      clientId: client.clientId,
      issuedAt: client.createdAt,
      clientSecret: client.clientSecret,
      secretExpiresAt: null,
      registrationAccessToken: client.registrationAccessToken,
      registrationClientUri: `${org.issuer}/api/v1/oauth/register/${encodeURIComponent(client.clientId)}`,
    },
    metadata.token_endpoint_auth_method !== "none",
  );
  return jsonResponse(response, { status: 201 });
});
