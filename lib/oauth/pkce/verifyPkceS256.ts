import { createHash, timingSafeEqual } from "node:crypto";
import { invalidGrant } from "../errors/OAuthError";

/**
 * RFC 7636 §4.6 with the S256 method, the only one we accept (OAuth 2.1 §4.1.1).
 *
 * The verifier must be 43 to 128 characters of the unreserved set `[A-Z] / [a-z] / [0-9] / "-" /
 * "." / "_" / "~"` (§4.1); BASE64URL-ENCODE(SHA256(ASCII(verifier))) must equal the stored
 * challenge, compared in constant time.
 *
 * Every refusal is `invalid_grant` (RFC 7636 §4.6: "the authorization server MUST return an error
 * response with the "invalid_grant" error code"), even a missing verifier: the code was bound to a
 * challenge, so a request without one cannot redeem it.
 *
 * Not checked: the challenge's own format (validateAuthorizationRequest did, before storing it).
 */
export function verifyPkceS256(verifier: string | undefined, challenge: string): void {
  if (verifier === undefined) throw invalidGrant("code_verifier is required (PKCE)");
  if (!/^[A-Za-z0-9._~-]{43,128}$/.test(verifier)) {
    throw invalidGrant("code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~' (RFC 7636 §4.1)");
  }
  const computed = Buffer.from(createHash("sha256").update(verifier, "ascii").digest("base64url"), "ascii");
  const expected = Buffer.from(challenge, "ascii");
  if (computed.length !== expected.length || !timingSafeEqual(computed, expected)) {
    throw invalidGrant("code_verifier does not match the code_challenge of the authorization request");
  }
}
