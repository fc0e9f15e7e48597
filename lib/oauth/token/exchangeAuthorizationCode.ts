import { invalidGrant, invalidRequest, isOAuthError } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import { verifyPkceS256 } from "../pkce/verifyPkceS256";
import type {
  AuthorizationCodeRecord,
  AuthorizationCodeStore,
  ClientRecord,
  Clock,
  ConsumeCodeResult,
  GrantRecord,
  GrantStore,
  KeyStore,
  NewRefreshToken,
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
 * 3. the code is known (`invalid_grant`); a code already used is a replay: the grant and every
 *    token issued under it are revoked, then invalid_grant (RFC 6749 §4.1.2 and §10.5, RFC 9700
 *    §4.5: a replayed code means it leaked);
 * 4. the code was issued to this client;
 * 5. the code has not expired;
 * 6. `redirect_uri` equals the one of the authorization request. It may be omitted only when the
 *    client has exactly that one redirect URI registered: the authorization request could then
 *    have omitted it too (RFC 6749 §4.1.3 requires it only "if the redirect_uri parameter was
 *    included in the authorization request"), and the code record does not say whether it was;
 * 7. PKCE S256 (verifyPkceS256);
 * 8. `resource`, if sent, is the code's resource (RFC 8707 §2.2);
 * 9. the grant exists and is not revoked (the user or an admin may have revoked it since);
 * 10. the code is consumed atomically with the new refresh token (AuthorizationCodeStore.consume):
 *    losing that race to a concurrent exchange is a replay too.
 *
 * A check among 4 to 9 that fails burns the code, so it cannot be retried with other guesses
 * (RFC 9700 §4.8 and §4.5). A failure of the database does not: the client may retry.
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

  const codeHash = deps.hasher.hashForLookup(codeValue);
  const code = await deps.codes.find(codeHash);
  if (!code) throw invalidGrant("the authorization code is invalid");
  if (code.usedAt !== null) throw await refuseReplay(await deps.codes.consume(codeHash, deps.clock.now()), deps);
  let grant: GrantRecord;
  try {
    if (code.clientRowId !== client.id) throw invalidGrant("the authorization code was issued to another client");
    if (code.expiresAt.getTime() <= deps.clock.now().getTime()) throw invalidGrant("the authorization code has expired");
    checkRedirectUri(params.get("redirect_uri"), code, client);
    verifyPkceS256(params.get("code_verifier"), code.codeChallenge);
    checkBoundResource(params, code.resource);
    grant = await findLiveGrant(code.grantId, deps.grants);
  } catch (error) {
    // RFC 9700 §4.5.3.1 (PKCE downgrade): a code presented with a wrong verifier, client, redirect
    // URI or resource is burnt, so that it cannot be tried again with other guesses.
    if (isOAuthError(error)) await deps.codes.consume(codeHash, deps.clock.now());
    throw error;
  }
  const access = await mintAccessToken(
    { subject: grant.userId ?? client.clientId, clientId: client.clientId, resource: code.resource, scopes: code.scopes, grantId: grant.id },
    deps,
  );
  const refreshToken = client.grantTypes.includes("refresh_token") ? newRefreshTokenFamily(code, deps) : undefined;
  // The one write: the code is spent and the refresh token stored together, or neither (a failure
  // here leaves the code usable for the client's retry). Tokens minted above die unsent if a
  // concurrent exchange won the code.
  const result = await deps.codes.consume(codeHash, deps.clock.now(), refreshToken?.record);
  if (result.status !== "consumed") throw await refuseReplay(result, deps);
  return {
    access_token: access.accessToken,
    token_type: "Bearer",
    expires_in: access.expiresIn,
    ...(refreshToken ? { refresh_token: refreshToken.value } : {}),
    scope: code.scopes.join(" "),
  };
}

/** RFC 6749 §4.1.2: a code used twice revokes (when possible) the tokens issued with it. */
async function refuseReplay(result: ConsumeCodeResult, deps: ExchangeAuthorizationCodeDeps) {
  if (result.status !== "already_used") return invalidGrant("the authorization code is invalid");
  await deps.grants.revoke(result.grantId, "authorization code reused", deps.clock.now());
  return invalidGrant("the authorization code has already been used; tokens issued with it have been revoked", {
    cause: `code replay, grant ${result.grantId} revoked`,
  });
}

function checkRedirectUri(sent: string | undefined, code: AuthorizationCodeRecord, client: ClientRecord): void {
  if (sent !== undefined) {
    if (sent !== code.redirectUri) throw invalidGrant("redirect_uri does not match the authorization request");
    return;
  }
  const couldHaveBeenOmitted = client.redirectUris.length === 1 && client.redirectUris[0] === code.redirectUri;
  if (!couldHaveBeenOmitted) throw invalidGrant("redirect_uri is required: it was part of the authorization request");
}

function newRefreshTokenFamily(code: AuthorizationCodeRecord, deps: ExchangeAuthorizationCodeDeps): { value: string; record: NewRefreshToken } {
  const value = generateOpaqueToken(deps.random);
  const now = deps.clock.now();
  return {
    value,
    record: {
      tokenHash: deps.hasher.hashForLookup(value),
      familyId: generateOpaqueToken(deps.random, 16),
      grantId: code.grantId,
      clientRowId: code.clientRowId,
      resource: code.resource,
      scopes: code.scopes,
      expiresAt: new Date(now.getTime() + deps.org.refreshTokenTtlSec * 1000),
    },
  };
}
