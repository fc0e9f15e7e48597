import { createHash } from "node:crypto";

/**
 * The lookup hash of a high-entropy token (codes, refresh tokens, invites, registration tokens).
 * A plain SHA-256 suffices because the tokens are 256-bit random, not guessable passwords.
 */
export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("base64url");
}
