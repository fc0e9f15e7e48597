import type { JWK } from "jose";

const PUBLIC_EC_MEMBERS = ["kty", "crv", "x", "y", "kid"] as const;

/**
 * The JWKS document (RFC 7517 §5) of an org: the active and retiring public keys
 * (KeyStore.getPublishedKeys), so tokens signed just before a rotation still verify.
 *
 * Each key is rebuilt from its public EC members only, plus `use: "sig"` and `alg: "ES256"`, so a
 * private member (`d`) or any stray field can never be published by mistake. A key without a
 * `kid` is a configuration bug and throws: verifiers select keys by kid.
 */
export function buildJsonWebKeySet(publicKeys: readonly JWK[]): { keys: JWK[] } {
  return {
    keys: publicKeys.map((key) => {
      if (key.kty !== "EC" || typeof key.kid !== "string") throw new TypeError("published keys must be EC keys with a kid");
      const published: JWK = { use: "sig", alg: "ES256" };
      for (const member of PUBLIC_EC_MEMBERS) published[member] = key[member];
      return published;
    }),
  };
}
