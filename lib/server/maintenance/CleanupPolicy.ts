/** How long each kind of dead row is kept before cleanup deletes it, in seconds. */
export interface CleanupPolicy {
  /**
   * Authorization codes past their expiry (used or not). Kept a day after it so that a replay of a
   * used code in that time is still recognized as a replay and revokes the grant (RFC 6749 §4.1.2);
   * after that it is merely unknown, which is refused just the same.
   */
  codeGraceSec: number;
  /**
   * Refresh tokens past their expiry or revocation. Rotated tokens that have not expired are KEPT:
   * they are what detects reuse of a stolen older token (RFC 9700 §4.14.2).
   */
  refreshTokenGraceSec: number;
  /** RFC 7009 revocations of access tokens, after the token's own expiry (plus clock skew). */
  revokedAccessTokenGraceSec: number;
  /** Rate-limit buckets whose window started this long ago (longer than any rule's window). */
  rateLimitBucketAgeSec: number;
  /** Unused invitations past their expiry. Used ones stay: they record who joined through whom. */
  inviteGraceSec: number;
  /**
   * Clients registered by DCR or first seen through CIMD, never used (no grant, no lastUsedAt),
   * this long after registration: abandoned or abusive registrations. Admin clients are kept.
   */
  unusedClientAgeSec: number;
}

export const DEFAULT_CLEANUP_POLICY: CleanupPolicy = {
  codeGraceSec: 24 * 3600,
  refreshTokenGraceSec: 7 * 24 * 3600,
  revokedAccessTokenGraceSec: 300,
  rateLimitBucketAgeSec: 24 * 3600,
  inviteGraceSec: 7 * 24 * 3600,
  unusedClientAgeSec: 7 * 24 * 3600,
};
