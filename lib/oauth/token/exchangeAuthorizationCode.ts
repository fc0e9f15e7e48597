import { invalidGrant, invalidRequest } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import { verifyPkceS256 } from "../pkce/verifyPkceS256";
import type {
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
  ClientRecord,
  Clock,
  GrantStore,
  KeyStore,
  OrgContext,
  Random,
  RefreshTokenStore,
  SecretHasher,
} from "../ports";
import { checkBoundResource } from "./checkBoundResource";
import { checkGrantType } from "./checkGrantType";
import { findLiveGrant } from "./findLiveGrant";
import { generateOpaqueToken } from "./generateOpaqueToken";
import { mintAccessToken } from "./mintAccessToken";
import type { TokenResponse } from "./TokenResponse";

export interface ExchangeAuthorizationCodeInput {
  /** Already authenticated by authenticateClient (processTokenRequest does both). */
  client: ClientRecord;
  params: OAuthParameters;
}

export interface ExchangeAuthorizationCodeDeps {
  org: OrgContext;
  codes: AuthorizationCodeStore;
  grants: GrantStore;
  refreshTokens: RefreshTokenStore;
  keys: KeyStore;
  hasher: SecretHasher;
  random: Random;
  clock: Clock;
}

/**
 * The authorization code grant at the token endpoint (RFC 6749 §4.1.3, OAuth 2.1 §4.1.3), in
 * order:
 *
 * 1. grant_type is authorization_code and the client registered it;
 * 2. `code` is present;
 * 3. the code is consumed atomically (AuthorizationCodeStore.consume): unknown -> invalid_grant;
 *    already used -> the grant and every token issued under it are revoked, then invalid_grant
 *    (RFC 6749 §4.1.2 and §10.5, RFC 9700 §4.5: a replayed code means it leaked);
 * 4. the code was issued to this client;
 * 5. the code has not expired;
 * 6. `redirect_uri` equals the one of the authorization request. It may be omitted only when the
 *    client has exactly that one redirect URI registered: the authorization request could then
 *    have omitted it too (RFC 6749 §4.1.3 requires it only "if the redirect_uri parameter was
 *    included in the authorization request"), and the code record does not say whether it was;
 * 7. PKCE S256 (verifyPkceS256);
 * 8. `resource`, if sent, is the code's resource (RFC 8707 §2.2);
 * 9. the grant exists and is not revoked (the user or an admin may have revoked it since).
 *
 * Every check after 3 runs on a consumed code: a failed attempt burns it, so it cannot be retried
 * with other guesses (RFC 9700 §4.8 and §4.5).
 *
 * Issues an access token for the code's resource and scopes, and, when the client registered the
 * refresh_token grant, a refresh token that starts a new family.
 *
 * Client authentication is the caller's (processTokenRequest). Not checked: the user's membership
 * (checked at consent; removing a member is expected to revoke their grants).
 */
export async function exchangeAuthorizationCode(
  input: ExchangeAuthorizationCodeInput,
  deps: ExchangeAuthorizationCodeDeps,
): Promise<TokenResponse> {
  const { client, params } = input;
  checkGrantType(params, client, "authorization_code");
  const codeValue = params.get("code");
  if (codeValue === undefined) throw invalidRequest("code is required");

  const code = await consumeCode(codeValue, deps);
  if (code.clientRowId !== client.id) throw invalidGrant("the authorization code was issued to another client");
  if (code.expiresAt.getTime() <= deps.clock.now().getTime()) throw invalidGrant("the authorization code has expired");
  checkRedirectUri(params.get("redirect_uri"), code, client);
  verifyPkceS256(params.get("code_verifier"), code.codeChallenge);
  checkBoundResource(params, code.resource);
  const grant = await findLiveGrant(code.grantId, deps.grants);

  const access = await mintAccessToken(
    { subject: grant.userId ?? client.clientId, clientId: client.clientId, resource: code.resource, scopes: code.scopes, grantId: grant.id },
    deps,
  );
  const refreshToken = client.grantTypes.includes("refresh_token") ? await startRefreshTokenFamily(code, deps) : undefined;
  return {
    access_token: access.accessToken,
    token_type: "Bearer",
    expires_in: access.expiresIn,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
    scope: code.scopes.join(" "),
  };
}

async function consumeCode(value: string, deps: ExchangeAuthorizationCodeDeps): Promise<AuthorizationCodeRecord> {
  const now = deps.clock.now();
  const result = await deps.codes.consume(deps.hasher.hashForLookup(value), now);
  if (result.status === "unknown") throw invalidGrant("the authorization code is invalid");
  if (result.status === "already_used") {
    await deps.grants.revoke(result.grantId, "authorization code reused", now);
    throw invalidGrant("the authorization code has already been used; tokens issued with it have been revoked", {
      cause: `code replay, grant ${result.grantId} revoked`,
    });
  }
  return result.code;
}

function checkRedirectUri(sent: string | undefined, code: AuthorizationCodeRecord, client: ClientRecord): void {
  if (sent !== undefined) {
    if (sent !== code.redirectUri) throw invalidGrant("redirect_uri does not match the authorization request");
    return;
  }
  const couldHaveBeenOmitted = client.redirectUris.length === 1 && client.redirectUris[0] === code.redirectUri;
  if (!couldHaveBeenOmitted) throw invalidGrant("redirect_uri is required: it was part of the authorization request");
}

async function startRefreshTokenFamily(code: AuthorizationCodeRecord, deps: ExchangeAuthorizationCodeDeps): Promise<string> {
  const token = generateOpaqueToken(deps.random);
  const now = deps.clock.now();
  await deps.refreshTokens.create({
    tokenHash: deps.hasher.hashForLookup(token),
    familyId: generateOpaqueToken(deps.random, 16),
    grantId: code.grantId,
    clientRowId: code.clientRowId,
    resource: code.resource,
    scopes: code.scopes,
    expiresAt: new Date(now.getTime() + deps.org.refreshTokenTtlSec * 1000),
  });
  return token;
}
