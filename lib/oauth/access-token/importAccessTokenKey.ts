import { importJWK, type CryptoKey, type JWK } from "jose";
import { ACCESS_TOKEN_ALG } from "./accessTokenClaims";

/**
 * importJWK costs more than the signature itself; keys are immutable per `kid` (unique in the
 * schema), so imported keys are kept, keyed by kid and key material, in a small bounded cache.
 */
const cache = new Map<string, Promise<CryptoKey | Uint8Array>>();
const MAX_CACHED_KEYS = 256;

export function importAccessTokenKey(jwk: JWK): Promise<CryptoKey | Uint8Array> {
  const cacheKey = `${jwk.kid ?? ""}|${jwk.x ?? ""}|${jwk.y ?? ""}|${jwk.d === undefined ? "public" : "private"}`;
  let imported = cache.get(cacheKey);
  if (!imported) {
    if (cache.size >= MAX_CACHED_KEYS) cache.delete(cache.keys().next().value!);
    imported = importJWK(jwk, ACCESS_TOKEN_ALG);
    imported.catch(() => cache.delete(cacheKey));
    cache.set(cacheKey, imported);
  }
  return imported;
}
