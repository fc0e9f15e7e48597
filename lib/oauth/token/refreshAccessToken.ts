import { invalidGrant, invalidRequest, invalidScope } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import type {
  ClientRecord,
  Clock,
  GrantStore,
  KeyStore,
  OrgContext,
  Random,
  RefreshTokenRecord,
  RefreshTokenStore,
  SecretHasher,
} from "../ports";
import { parseScope } from "../scope/parseScope";
import { checkBoundResource } from "./checkBoundResource";
import { checkGrantType } from "./checkGrantType";
import { findLiveGrant } from "./findLiveGrant";
import { generateOpaqueToken } from "./generateOpaqueToken";
import { mintAccessToken } from "./mintAccessToken";
import type { TokenResponse } from "./TokenResponse";

export interface RefreshAccessTokenInput {
  /** Already authenticated by authenticateClient (processTokenRequest does both). */
  client: ClientRecord;
  params: OAuthParameters;
}

export interface RefreshAccessTokenDeps {
  org: OrgContext;
  grants: GrantStore;
  refreshTokens: RefreshTokenStore;
  keys: KeyStore;
  hasher: SecretHasher;
  random: Random;
  clock: Clock;
}

/**
 * The refresh token grant (RFC 6749 §6, OAuth 2.1 §4.3) with rotation and reuse detection
 * (RFC 9700 §4.14.2). Everything is validated before the token is rotated, so a refused request
 * leaves the token usable:
 *
 * 1. grant_type is refresh_token and the client registered it;
 * 2. `refresh_token` is present and known;
 * 3. it was issued to this client (RFC 6749 §6: "the refresh token was issued to the
 *    authenticated client");
 * 4. it is not revoked;
 * 5. it has not been rotated already: if it has, someone replayed it, so its family and its grant
 *    are revoked (the attacker and the legitimate client both lose access; RFC 9700 §4.14.2);
 * 6. it has not expired;
 * 7. its grant exists and is not revoked;
 * 8. `scope`, if sent, is a subset of the token's scopes (RFC 6749 §6: "MUST NOT include any scope
 *    not originally granted"); the new access token gets that subset, the successor refresh token
 *    keeps the original scopes;
 * 9. `resource`, if sent, is the token's resource (RFC 8707 §2.2);
 * 10. rotate atomically (RefreshTokenStore.rotate); if a concurrent request rotated it first, that
 *    is reuse again: family and grant revoked.
 *
 * The successor's lifetime restarts (an idle timeout of refreshTokenTtlSec): an active client keeps
 * its session, an abandoned token dies, and the grant can always be revoked.
 *
 * Client authentication is the caller's (processTokenRequest). Not checked: the user's membership.
 */
export async function refreshAccessToken(input: RefreshAccessTokenInput, deps: RefreshAccessTokenDeps): Promise<TokenResponse> {
  const { client, params } = input;
  checkGrantType(params, client, "refresh_token");
  const presented = params.get("refresh_token");
  if (presented === undefined) throw invalidRequest("refresh_token is required");

  const token = await deps.refreshTokens.findByHash(deps.hasher.hashForLookup(presented));
  if (!token) throw invalidGrant("the refresh token is invalid");
  if (token.clientRowId !== client.id) throw invalidGrant("the refresh token was issued to another client");
  if (token.revokedAt !== null) throw invalidGrant("the refresh token has been revoked");
  if (token.rotatedAt !== null) throw await revokeOnReuse(token.familyId, token.grantId, deps);
  if (token.expiresAt.getTime() <= deps.clock.now().getTime()) throw invalidGrant("the refresh token has expired");
  const grant = await findLiveGrant(token.grantId, deps.grants);
  const scopes = selectNarrowedScopes(params.get("scope"), token);
  checkBoundResource(params, token.resource);

  // Minted before the rotation, the one write: once the old token is rotated nothing else can
  // fail and strand the client with a spent token and no successor.
  const access = await mintAccessToken(
    { subject: grant.userId ?? client.clientId, clientId: client.clientId, resource: token.resource, scopes, grantId: grant.id },
    deps,
  );
  const successor = await rotate(presented, token, deps);
  return {
    access_token: access.accessToken,
    token_type: "Bearer",
    expires_in: access.expiresIn,
    refresh_token: successor,
    scope: scopes.join(" "),
  };
}

function selectNarrowedScopes(requested: string | undefined, token: RefreshTokenRecord): string[] {
  if (requested === undefined) return token.scopes;
  const scopes = parseScope(requested);
  if (!scopes) throw invalidScope("scope contains characters not allowed in a scope (RFC 6749 §3.3)");
  const extra = scopes.find((scope) => !token.scopes.includes(scope));
  if (extra !== undefined) throw invalidScope(`scope "${extra}" was not granted to this refresh token`);
  return scopes;
}

async function rotate(presented: string, token: RefreshTokenRecord, deps: RefreshAccessTokenDeps): Promise<string> {
  const successor = generateOpaqueToken(deps.random);
  const now = deps.clock.now();
  const result = await deps.refreshTokens.rotate(
    deps.hasher.hashForLookup(presented),
    {
      tokenHash: deps.hasher.hashForLookup(successor),
      familyId: token.familyId,
      grantId: token.grantId,
      clientRowId: token.clientRowId,
      resource: token.resource,
      scopes: token.scopes,
      expiresAt: new Date(now.getTime() + deps.org.refreshTokenTtlSec * 1000),
    },
    now,
  );
  if (result.status === "reused") throw await revokeOnReuse(result.familyId, result.grantId, deps);
  if (result.status === "unknown") throw invalidGrant("the refresh token is invalid", { cause: "deleted between its lookup and its rotation" });
  return successor;
}

async function revokeOnReuse(familyId: string, grantId: string, deps: RefreshAccessTokenDeps) {
  const now = deps.clock.now();
  await deps.refreshTokens.revokeFamily(familyId, now);
  await deps.grants.revoke(grantId, "refresh token reused", now);
  return invalidGrant("the refresh token has already been used; access has been revoked", {
    cause: `refresh token reuse, family ${familyId} and grant ${grantId} revoked`,
  });
}
