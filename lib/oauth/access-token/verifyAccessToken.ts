import type { JWK } from "jose";
import type { AccessTokenClaims } from "./accessTokenClaims";
import { checkAccessTokenJwt } from "./checkAccessTokenJwt";

export interface VerifyAccessTokenOptions {
  /** The org's issuer, compared byte for byte with `iss`. */
  issuer: string;
  /** The resource the token is presented to; must be the token's `aud`. */
  audience: string;
  /** The org's published public keys (KeyStore.getPublishedKeys). */
  keys: readonly JWK[];
  now: Date;
  /** Seconds of clock skew allowed on exp / nbf / iat. Default 10. */
  clockToleranceSec?: number;
}

/**
 * RFC 9068 §4 validation of an access token presented to one of the org's resources:
 *
 * 1. compact JWS with `alg` ES256 only (so `none`, and HS256 keyed with our public key, are
 *    refused before any key is touched; RFC 8725 §2.1);
 * 2. `typ` is `at+jwt` (or `application/at+jwt`), so an ID token or other JWT signed by the same
 *    key cannot pass as an access token (RFC 9068 §4, RFC 8725 §3.11);
 * 3. `kid` names a key the org publishes;
 * 4. the signature;
 * 5. `iss` equals the issuer exactly, `aud` is the expected resource, `exp` / `nbf` / `iat` with
 *    a small tolerance; the RFC 9068 claims and `grant_id` are present.
 *
 * Errors are `invalid_token` (401) with a client-safe description; jose's error is the cause.
 *
 * Not checked: revocation (of the token's jti or of its grant) and scopes for the call being
 * made. Those need the database or the request: introspectToken and lib/mcp do them.
 */
export function verifyAccessToken(jwt: string, options: VerifyAccessTokenOptions): Promise<AccessTokenClaims> {
  return checkAccessTokenJwt(jwt, options);
}
