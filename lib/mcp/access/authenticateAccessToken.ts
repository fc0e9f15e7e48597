import { decodeProtectedHeader } from "jose";
import type { AccessTokenClaims } from "@/lib/oauth/access-token/accessTokenClaims";
import { verifyAccessToken } from "@/lib/oauth/access-token/verifyAccessToken";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import type { Clock, GrantStore, RevokedAccessTokenStore } from "@/lib/oauth/ports";
import { invalidTokenError, missingTokenError, type ResourceChallenge } from "../challenge/resourceChallenge";
import type { PublishedKeyCache } from "./PublishedKeyCache";
import { readBearerToken } from "./readBearerToken";

/** Who calls, as an accepted access token says. */
export interface AccessContext {
  /** `sub`: the user id, or the client_id for client_credentials. */
  subject: string;
  clientId: string;
  scopes: string[];
  grantId: string;
  /** The user who consented; null for a client-credentials grant. */
  userId: string | null;
  jti: string;
  /** `exp`, seconds since the epoch. */
  expiresAt: number;
}

/** The protected resource a request is for. */
export interface ProtectedResourceContext {
  orgId: string;
  /** The org's issuer, compared byte for byte with `iss`. */
  issuer: string;
  /** The resource identifier, compared byte for byte with `aud`. */
  resource: string;
  /** What a 401 tells the client. */
  challenge: ResourceChallenge;
}

export interface AuthenticateAccessTokenDeps {
  keys: PublishedKeyCache;
  grants: Pick<GrantStore, "find">;
  revokedAccessTokens: Pick<RevokedAccessTokenStore, "isRevoked">;
  clock: Clock;
}

/**
 * The resource side of a bearer request (RFC 6750, RFC 9068 §4, MCP authorization spec "Token
 * Handling"), in order:
 *
 * 1. Bearer credentials in the Authorization header (readBearerToken); none -> 401 with the bare
 *    challenge;
 * 2. verifyAccessToken: ES256 only, `typ` at+jwt, a `kid` the org publishes (PublishedKeyCache),
 *    the signature, `iss` = the org's issuer, `aud` = this resource (so a token for another server,
 *    another org or the management API is refused), `exp`/`nbf`/`iat`. A token this process
 *    already verified is not verified again (checkAccessTokenJwt): its issuer, key, expiry and
 *    audience still are;
 * 3. the token's jti is not revoked (RFC 7009) and its grant exists, belongs to this org, is for
 *    this resource and is not revoked (revoking a grant kills its tokens at once). Both lookups run
 *    in parallel on every request (the stores answer from memory until the change feed announces
 *    a revocation), so revocation takes effect on the next request.
 *
 * Every refusal is 401 `invalid_token` with a challenge naming the resource metadata and the
 * default scopes; the cause (jose's error) is for the log.
 *
 * Not checked here: scopes for the operation (the caller knows the operation), whether the client
 * is still enabled (disabling a client is expected to revoke its grants), DPoP or mTLS binding
 * (not supported: plain bearer tokens).
 */
export async function authenticateAccessToken(
  authorization: string | null,
  resource: ProtectedResourceContext,
  deps: AuthenticateAccessTokenDeps,
): Promise<AccessContext> {
  const credentials = readBearerToken(authorization);
  if (credentials.kind === "none") throw missingTokenError(resource.challenge);
  if (credentials.kind === "malformed") throw invalidTokenError(resource.challenge, credentials.reason);

  const claims = await verifiedClaims(credentials.token, resource, deps);
  const [grant, jtiRevoked] = await Promise.all([deps.grants.find(claims.grant_id), deps.revokedAccessTokens.isRevoked(claims.jti)]);
  if (jtiRevoked) throw invalidTokenError(resource.challenge, "the access token has been revoked", `jti ${claims.jti} revoked`);
  if (!grant || grant.revokedAt !== null || grant.orgId !== resource.orgId || grant.resource !== claims.aud) {
    throw invalidTokenError(resource.challenge, "the access token has been revoked", `grant ${claims.grant_id} ${grant ? "revoked or mismatched" : "not found"}`);
  }
  return {
    subject: claims.sub,
    clientId: claims.client_id,
    scopes: claims.scope === "" ? [] : claims.scope.split(" "),
    grantId: grant.id,
    userId: grant.userId,
    jti: claims.jti,
    expiresAt: claims.exp,
  };
}

async function verifiedClaims(token: string, resource: ProtectedResourceContext, deps: AuthenticateAccessTokenDeps): Promise<AccessTokenClaims> {
  try {
    const keys = await deps.keys.keysFor(resource.orgId, kidOf(token));
    // checkAccessTokenJwt remembers tokens it verified: the signature is checked once per token,
    // issuer, key, expiry and audience on every call.
    return await verifyAccessToken(token, { issuer: resource.issuer, audience: resource.resource, keys, now: deps.clock.now() });
  } catch (error) {
    if (isOAuthError(error)) throw invalidTokenError(resource.challenge, error.description, error.cause ?? error);
    throw error;
  }
}

function kidOf(jwt: string): string | undefined {
  try {
    const { kid } = decodeProtectedHeader(jwt);
    return typeof kid === "string" ? kid : undefined;
  } catch {
    return undefined;
  }
}
