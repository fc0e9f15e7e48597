import { unauthorizedClient } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import type { ClientRecord, Clock, GrantStore, KeyStore, OrgContext, Random, ResourceStore } from "../ports";
import { resolveRequestedResource } from "../resource/resolveRequestedResource";
import { parseScope } from "../scope/parseScope";
import { selectRequestedScopes } from "../scope/selectRequestedScopes";
import { checkGrantType } from "./checkGrantType";
import { mintAccessToken } from "./mintAccessToken";
import type { TokenResponse } from "./TokenResponse";

export interface IssueClientCredentialsTokenInput {
  /** Already authenticated by authenticateClient (processTokenRequest does both). */
  client: ClientRecord;
  params: OAuthParameters;
}

export interface IssueClientCredentialsTokenDeps {
  org: OrgContext;
  grants: GrantStore;
  resources: ResourceStore;
  keys: KeyStore;
  random: Random;
  clock: Clock;
}

/**
 * The client credentials grant (RFC 6749 §4.4, OAuth 2.1 §4.2), in order:
 *
 * 1. grant_type is client_credentials and the client registered it;
 * 2. the client is confidential (RFC 6749 §4.4: "MUST only be used by confidential clients");
 *    a public client that somehow holds the grant type is refused, `unauthorized_client`;
 * 3. `resource`: one, canonical, the org's; the org's default resource when omitted
 *    (`invalid_target`);
 * 4. `scope`: each defined for the resource and within the client's registered `scope`; when
 *    omitted, the resource's default scopes the client may have (`invalid_scope`).
 *
 * The token's `sub` is the client_id (RFC 9068 §2.2). It is issued under a user-less grant
 * (GrantStore.findOrCreateClientGrant), so revoking that grant kills the client's tokens like any
 * other. No refresh token (RFC 6749 §4.4.3: "SHOULD NOT be included").
 *
 * Client authentication is the caller's (processTokenRequest).
 */
export async function issueClientCredentialsToken(
  input: IssueClientCredentialsTokenInput,
  deps: IssueClientCredentialsTokenDeps,
): Promise<TokenResponse> {
  const { client, params } = input;
  checkGrantType(params, client, "client_credentials");
  if (client.tokenEndpointAuthMethod === "none") {
    throw unauthorizedClient("the client_credentials grant is only available to confidential clients");
  }
  const resource = await resolveRequestedResource(params.getAll("resource"), deps.org.orgId, deps.resources);
  const allowed = client.scope === null ? undefined : (parseScope(client.scope) ?? []);
  const scopes = selectRequestedScopes(params.get("scope"), resource, allowed);

  const grant = await deps.grants.findOrCreateClientGrant({
    orgId: deps.org.orgId,
    userId: null,
    clientRowId: client.id,
    resource: resource.resource,
    scopes,
  });
  const access = await mintAccessToken(
    { subject: client.clientId, clientId: client.clientId, resource: resource.resource, scopes, grantId: grant.id },
    deps,
  );
  return { access_token: access.accessToken, token_type: "Bearer", expires_in: access.expiresIn, scope: scopes.join(" ") };
}
