import { checkAccessTokenJwt } from "../access-token/checkAccessTokenJwt";
import { looksLikeJwt } from "../access-token/looksLikeJwt";
import { invalidRequest, OAuthError } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import type {
  ClientRecord,
  ClientStore,
  Clock,
  GrantStore,
  KeyStore,
  OrgContext,
  RefreshTokenStore,
  RevokedAccessTokenStore,
  SecretHasher,
} from "../ports";

export type IntrospectionResponse =
  | { active: false }
  | {
      active: true;
      scope: string;
      client_id: string;
      sub: string;
      aud: string;
      iss: string;
      exp: number;
      iat?: number;
      jti?: string;
      token_type?: "Bearer";
    };

export interface IntrospectTokenInput {
  /** Already authenticated by authenticateClient. */
  client: ClientRecord;
  params: OAuthParameters;
}

export interface IntrospectTokenDeps {
  org: OrgContext;
  clients: ClientStore;
  grants: GrantStore;
  refreshTokens: RefreshTokenStore;
  revokedAccessTokens: RevokedAccessTokenStore;
  keys: KeyStore;
  hasher: SecretHasher;
  clock: Clock;
}

const INACTIVE = { active: false } as const;

/**
 * RFC 7662 token introspection for the org's access tokens (JWTs) and refresh tokens (opaque,
 * looked up by hash).
 *
 * Who may ask (RFC 7662 §2.1 requires authorization; §4 warns against token scanning): a
 * confidential client the org marked `canIntrospect` (a resource server hosted elsewhere) may
 * introspect any token of the org; any other client only tokens issued to itself. Asking about
 * someone else's token answers `{ active: false }`, exactly as for an unknown token, so the
 * endpoint reveals nothing.
 *
 * `{ active: false }` also for: malformed tokens, bad signatures, other orgs' tokens (issuer and
 * keys are the org's), expired tokens, access tokens revoked by jti (RFC 7009), tokens of a revoked
 * grant, rotated or revoked refresh tokens.
 *
 * Active responses carry scope, client_id, sub, aud (the resource), iss, exp, and for access tokens
 * iat, jti and token_type "Bearer". Refresh tokens have no token_type (RFC 7662 defines it as the
 * RFC 6749 §5.1 access token type), no iat and no jti.
 *
 * `token_type_hint` is ignored: the token's shape (a compact JWS or not) tells which it is, and
 * RFC 7662 §2.1 lets the server search all types anyway.
 *
 * Not checked: whether the token's client is still enabled (disabling a client is expected to
 * revoke its grants), the caller's audience (a canIntrospect server sees tokens for every
 * resource of the org).
 */
export async function introspectToken(input: IntrospectTokenInput, deps: IntrospectTokenDeps): Promise<IntrospectionResponse> {
  const token = input.params.get("token");
  if (token === undefined) throw invalidRequest("token is required");
  const mayIntrospectAny = input.client.canIntrospect && input.client.tokenEndpointAuthMethod !== "none";
  const isJwt = looksLikeJwt(token);
  return isJwt
    ? introspectAccessToken(token, input.client, mayIntrospectAny, deps)
    : introspectRefreshToken(token, input.client, mayIntrospectAny, deps);
}

async function introspectAccessToken(
  jwt: string,
  caller: ClientRecord,
  mayIntrospectAny: boolean,
  deps: IntrospectTokenDeps,
): Promise<IntrospectionResponse> {
  let claims;
  try {
    claims = await checkAccessTokenJwt(jwt, { issuer: deps.org.issuer, keys: await deps.keys.getPublishedKeys(deps.org.orgId), now: deps.clock.now() });
  } catch (error) {
    if (error instanceof OAuthError) return INACTIVE;
    throw error;
  }
  if (!mayIntrospectAny && claims.client_id !== caller.clientId) return INACTIVE;
  if (await deps.revokedAccessTokens.isRevoked(claims.jti)) return INACTIVE;
  const grant = await deps.grants.find(claims.grant_id);
  if (!grant || grant.revokedAt !== null || grant.orgId !== deps.org.orgId) return INACTIVE;
  return {
    active: true,
    scope: claims.scope,
    client_id: claims.client_id,
    sub: claims.sub,
    aud: claims.aud,
    iss: claims.iss,
    exp: claims.exp,
    iat: claims.iat,
    jti: claims.jti,
    token_type: "Bearer",
  };
}

async function introspectRefreshToken(
  value: string,
  caller: ClientRecord,
  mayIntrospectAny: boolean,
  deps: IntrospectTokenDeps,
): Promise<IntrospectionResponse> {
  const token = await deps.refreshTokens.findByHash(deps.hasher.hashForLookup(value));
  if (!token || token.revokedAt !== null || token.rotatedAt !== null) return INACTIVE;
  if (token.expiresAt.getTime() <= deps.clock.now().getTime()) return INACTIVE;
  if (!mayIntrospectAny && token.clientRowId !== caller.id) return INACTIVE;
  const grant = await deps.grants.find(token.grantId);
  if (!grant || grant.revokedAt !== null || grant.orgId !== deps.org.orgId) return INACTIVE;
  const owner = token.clientRowId === caller.id ? caller : await deps.clients.findById(token.clientRowId);
  if (!owner || owner.orgId !== deps.org.orgId) return INACTIVE;
  return {
    active: true,
    scope: token.scopes.join(" "),
    client_id: owner.clientId,
    sub: grant.userId ?? owner.clientId,
    aud: token.resource,
    iss: deps.org.issuer,
    exp: Math.floor(token.expiresAt.getTime() / 1000),
  };
}
