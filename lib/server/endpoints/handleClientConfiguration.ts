import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { buildClientInformationResponse } from "@/lib/oauth/registration/buildClientInformationResponse";
import { type ClientMetadata, validateClientMetadata } from "@/lib/oauth/registration/validateClientMetadata";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { authenticateRegistrationRequest } from "../clients/authenticateRegistrationRequest";
import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { readJsonObject } from "../http/readJsonObject";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";
import { loadOrg } from "../oauth/loadOrg";
import { MAX_REGISTRATION_BYTES } from "./handleRegistration";
import { ChangeFeed } from "../cache/ChangeFeed";

type Params = { org: string; clientId: string };

function information(issuer: string, client: { clientId: string; createdAt: Date; metadata: unknown; secretHash: string | null; secretExpiresAt: Date | null }) {
  return buildClientInformationResponse(
    client.metadata as ClientMetadata,
    { clientId: client.clientId, issuedAt: client.createdAt, secretExpiresAt: client.secretExpiresAt, registrationClientUri: `${issuer}/api/v1/oauth/register/${encodeURIComponent(client.clientId)}` },
    client.secretHash !== null,
  );
}

/** GET /register/{clientId} (RFC 7592 §2.1): the client's current registration, without secrets. */
export const handleClientRead = oauthEndpoint<Params>(async (request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const client = await authenticateRegistrationRequest(runtime, request, org.orgId, params.clientId);
  return jsonResponse(information(org.issuer, client));
});

/**
 * PUT /register/{clientId} (RFC 7592 §2.2): replaces the metadata. Checks, in order: the token;
 * the body repeats this client_id; a repeated client_secret matches; the metadata is valid for open
 * registration; the auth method does not change (that would mint or drop a secret: register a new
 * client instead).
 */
export const handleClientUpdate = oauthEndpoint<Params>(async (request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const client = await authenticateRegistrationRequest(runtime, request, org.orgId, params.clientId);
  const body = await readJsonObject(request, MAX_REGISTRATION_BYTES, "invalid_client_metadata");
  if (typeof body.client_secret === "string" && !(client.secretHash && (await runtime.hasher.verifyClientSecret(body.client_secret, client.secretHash)))) {
    throw new OAuthError("invalid_client_metadata", "client_secret does not match the client's secret");
  }
  const metadata = validateClientMetadata(body, { open: client.source === "dcr", update: { clientId: client.clientId } });
  if (metadata.token_endpoint_auth_method !== client.tokenEndpointAuthMethod) {
    throw new OAuthError("invalid_client_metadata", `token_endpoint_auth_method cannot change from "${client.tokenEndpointAuthMethod}"; register a new client instead`);
  }
  const updated = await runtime.prisma.client.update({
    where: { id: client.id },
    data: {
      name: metadata.client_name ?? null,
      applicationType: metadata.application_type,
      redirectUris: metadata.redirect_uris,
      grantTypes: metadata.grant_types,
      responseTypes: metadata.response_types,
      scope: metadata.scope ?? null,
      logoUri: metadata.logo_uri ?? null,
      clientUri: metadata.client_uri ?? null,
      metadata: metadata as object,
    },
  });
  ChangeFeed.announce(runtime.prisma, { kind: "client", orgId: org.orgId, clientId: client.clientId });
  await recordAuditEvent(runtime.prisma, { orgId: org.orgId, kind: "client.updated", actor: { type: "client", id: client.clientId, label: client.name }, clientId: client.clientId, target: { type: "client", id: client.id }, request, details: { redirect_uris: metadata.redirect_uris } });
  return jsonResponse(information(org.issuer, updated));
});

/** DELETE /register/{clientId} (RFC 7592 §2.3): removes the client and everything issued to it. */
export const handleClientDelete = oauthEndpoint<Params>(async (request, params) => {
  const runtime = await getOAuthRuntime();
  const org = await loadOrg(runtime, params.org);
  const client = await authenticateRegistrationRequest(runtime, request, org.orgId, params.clientId);
  // Grants, codes and refresh tokens go with it (cascade); its live access tokens fail the grant check.
  const grants = await runtime.prisma.grant.findMany({ where: { clientRowId: client.id }, select: { id: true } });
  await runtime.prisma.client.delete({ where: { id: client.id } });
  ChangeFeed.announce(runtime.prisma, { kind: "client", orgId: org.orgId, clientId: client.clientId }, ...grants.map((g) => ({ kind: "grant" as const, grantId: g.id, clientRowId: client.id })));
  await recordAuditEvent(runtime.prisma, { orgId: org.orgId, kind: "client.deleted", actor: { type: "client", id: client.clientId, label: client.name }, clientId: client.clientId, target: { type: "client", id: client.id }, request });
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
