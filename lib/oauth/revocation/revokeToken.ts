import { checkAccessTokenJwt } from "../access-token/checkAccessTokenJwt";
import { looksLikeJwt } from "../access-token/looksLikeJwt";
import { invalidRequest, OAuthError, unauthorizedClient } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import type { ClientRecord, Clock, KeyStore, OrgContext, RefreshTokenStore, RevokedAccessTokenStore, SecretHasher } from "../ports";

export interface RevokeTokenInput {
  /** Already authenticated by authenticateClient (public clients identify with client_id). */
  client: ClientRecord;
  params: OAuthParameters;
}

export interface RevokeTokenDeps {
  org: OrgContext;
  keys: KeyStore;
  refreshTokens: RefreshTokenStore;
  revokedAccessTokens: RevokedAccessTokenStore;
  hasher: SecretHasher;
  clock: Clock;
}

/**
 * RFC 7009 token revocation:
 *
 * 1. `token` is present (`invalid_request`);
 * 2. an access token (a valid JWT of the org): its `jti` is remembered as revoked until its `exp`,
 *    which introspection checks; a refresh token (opaque, looked up by hash): its whole family is
 *    revoked, so no rotation of it survives;
 * 3. the token must have been issued to the calling client. RFC 7009 §2.1: the server "verifies
 *    whether the token was issued to the client making the revocation request. If this
 *    validation fails, the request is refused". We refuse with `unauthorized_client` (400), the
 *    §5.2 code for an authenticated client not entitled to what it asks;
 * 4. anything else, an unknown, malformed, expired or already revoked token, is a success
 *    (RFC 7009 §2.2: "invalid tokens do not cause an error response"), so the caller answers 200.
 *
 * `token_type_hint` is a hint only (§2.1) and is ignored: the token's shape decides. An unknown
 * hint value is not an error.
 *
 * Not done: revoking the grant (a client logging out of one session should not end the user's
 * consent elsewhere), revoking access tokens when a refresh token is revoked (RFC 7009 §2.1 SHOULD;
 * they are not linked to a family and expire within the org's access-token lifetime; revoking
 * the grant does kill them), CORS (the route's concern).
 */
export async function revokeToken(input: RevokeTokenInput, deps: RevokeTokenDeps): Promise<void> {
  const token = input.params.get("token");
  if (token === undefined) throw invalidRequest("token is required");
  if (looksLikeJwt(token)) {
    await revokeAccessToken(token, input.client, deps);
  } else {
    await revokeRefreshToken(token, input.client, deps);
  }
}

async function revokeAccessToken(jwt: string, client: ClientRecord, deps: RevokeTokenDeps): Promise<void> {
  let claims;
  try {
    claims = await checkAccessTokenJwt(jwt, { issuer: deps.org.issuer, keys: await deps.keys.getPublishedKeys(deps.org.orgId), now: deps.clock.now() });
  } catch (error) {
    if (error instanceof OAuthError) return;
    throw error;
  }
  if (claims.client_id !== client.clientId) throw notIssuedToClient();
  await deps.revokedAccessTokens.revoke({ jti: claims.jti, orgId: deps.org.orgId, expiresAt: new Date(claims.exp * 1000) });
}

async function revokeRefreshToken(value: string, client: ClientRecord, deps: RevokeTokenDeps): Promise<void> {
  const token = await deps.refreshTokens.findByHash(deps.hasher.hashForLookup(value));
  if (!token) return;
  if (token.clientRowId !== client.id) throw notIssuedToClient();
  await deps.refreshTokens.revokeFamily(token.familyId, deps.clock.now());
}

function notIssuedToClient() {
  return unauthorizedClient("the token was not issued to this client");
}
