import type { Random } from "../ports";

/**
 * A bearer secret or identifier from the Random port, base64url without padding. 32 bytes (256
 * bits) for codes and refresh tokens (RFC 6749 §10.10: guessing probability 2^-128 or less);
 * callers ask for 16 for identifiers that are not secrets (jti, family ids).
 */
export function generateOpaqueToken(random: Random, bytes = 32): string {
  return Buffer.from(random.bytes(bytes)).toString("base64url");
}
