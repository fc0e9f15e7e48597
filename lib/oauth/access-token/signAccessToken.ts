import { SignJWT } from "jose";
import type { SigningKeyRecord } from "../ports";
import { ACCESS_TOKEN_ALG, ACCESS_TOKEN_TYP, type AccessTokenClaims } from "./accessTokenClaims";
import { importAccessTokenKey } from "./importAccessTokenKey";

/**
 * An RFC 9068 JWT access token: header `{ alg: "ES256", typ: "at+jwt", kid }` (§2.1), the claims
 * as given (§2.2). The caller computes the claims, including a random `jti` and the lifetime from
 * the org's settings.
 *
 * Not checked: the claims' meaning (the operations that mint tokens own that). Refuses a key that
 * is not ES256 or has no private part, since that is a configuration bug, not a client error.
 */
export async function signAccessToken(claims: AccessTokenClaims, key: SigningKeyRecord): Promise<string> {
  if (key.alg !== ACCESS_TOKEN_ALG || key.privateJwk.d === undefined) {
    throw new TypeError(`signing key ${key.kid} is not an ES256 private key`);
  }
  const privateKey = await importAccessTokenKey({ ...key.privateJwk, kid: key.kid });
  return new SignJWT({ ...claims })
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALG, typ: ACCESS_TOKEN_TYP, kid: key.kid })
    .sign(privateKey);
}
