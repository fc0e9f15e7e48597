import { createPrivateKey, type KeyObject, sign } from "node:crypto";
import type { SigningKeyRecord } from "../ports";
import { ACCESS_TOKEN_ALG, ACCESS_TOKEN_TYP, type AccessTokenClaims } from "./accessTokenClaims";

/** Imported private keys by kid: a kid names one key forever (unique in the schema). */
const privateKeys = new Map<string, { d: string; key: KeyObject }>();
const MAX_CACHED_KEYS = 256;

/**
 * An RFC 9068 JWT access token: header `{ alg: "ES256", typ: "at+jwt", kid }` (§2.1), the claims
 * as given (§2.2). The caller computes the claims, including a random `jti` and the lifetime from
 * the org's settings.
 *
 * Signed with node:crypto directly (RFC 7518 §3.4: the JWS signature of ES256 is R || S, which is
 * Node's `ieee-p1363` encoding): it is the one costly step of a token request, and WebCrypto's
 * asynchronous path costs about twice as much for the same signature. verifyAccessToken (jose)
 * checks what this produces, in the tests and in every verifier.
 *
 * Not checked: the claims' meaning (the operations that mint tokens own that). Refuses a key that
 * is not ES256 or has no private part, since that is a configuration bug, not a client error.
 */
export async function signAccessToken(claims: AccessTokenClaims, key: SigningKeyRecord): Promise<string> {
  const { d, x, y, crv } = key.privateJwk;
  if (key.alg !== ACCESS_TOKEN_ALG || d === undefined || crv !== "P-256") {
    throw new TypeError(`signing key ${key.kid} is not an ES256 private key`);
  }
  let cached = privateKeys.get(key.kid);
  if (!cached || cached.d !== d) {
    if (privateKeys.size >= MAX_CACHED_KEYS) privateKeys.delete(privateKeys.keys().next().value!);
    cached = { d, key: createPrivateKey({ key: { kty: "EC", crv, x, y, d }, format: "jwk" }) };
    privateKeys.set(key.kid, cached);
  }
  const header = base64url(JSON.stringify({ alg: ACCESS_TOKEN_ALG, typ: ACCESS_TOKEN_TYP, kid: key.kid }));
  const signingInput = `${header}.${base64url(JSON.stringify(claims))}`;
  const signature = sign("sha256", Buffer.from(signingInput), { key: cached.key, dsaEncoding: "ieee-p1363" });
  return `${signingInput}.${signature.toString("base64url")}`;
}

function base64url(text: string): string {
  return Buffer.from(text).toString("base64url");
}
