import type { AccessTokenClaims } from "@/lib/oauth/access-token/accessTokenClaims";

export interface VerifiedTokenCacheOptions {
  /** Tokens kept; the least recently used goes first. Default 10,000 (about 10 MB of tokens). */
  maxEntries?: number;
}

/** What a verification established for one token at one resource. */
export interface VerifiedToken {
  claims: AccessTokenClaims;
  /** The key that verified the signature: a hit still needs it published. */
  kid: string;
}

/** Where a token was verified: the claims hold only for this issuer and this audience. */
export interface VerifiedFor {
  orgId: string;
  issuer: string;
  resource: string;
}

/**
 * Tokens whose signature and claims verifyAccessToken accepted, so that the next request with the
 * same token skips the ES256 verification (about 100 µs of CPU, the largest fixed cost of a gateway
 * call). What a signature proves never changes, so the only things that can make a cached answer
 * wrong are time and context, and both are part of the lookup:
 *
 * - an entry answers only until the token's `exp` (no clock tolerance: past `exp`, the token goes
 *   through verifyAccessToken again, which applies the tolerance and refuses it soon after);
 * - an entry is the whole token and the org, issuer and resource it was verified for, so a token
 *   verified for one server (or org, or issuer) is never a hit at another: it is verified there,
 *   and refused for its `aud`;
 * - the caller checks that the signing key is still published (PublishedKeyCache) on every hit.
 *
 * Revocation is not cached here: the jti and the grant are checked on every request.
 */
export class VerifiedTokenCache {
  /** By token: a token is valid at one resource only (its `aud`), so one entry per token suffices. */
  private readonly entries = new Map<string, VerifiedToken & { where: VerifiedFor }>();
  private readonly maxEntries: number;

  constructor(options: VerifiedTokenCacheOptions = {}) {
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** The verified token, if it was verified for this resource and `now` is before its `exp`. */
  find(token: string, where: VerifiedFor, now: Date): VerifiedToken | undefined {
    const entry = this.entries.get(token);
    if (!entry || entry.where.orgId !== where.orgId || entry.where.issuer !== where.issuer || entry.where.resource !== where.resource) return undefined;
    this.entries.delete(token);
    if (now.getTime() >= entry.claims.exp * 1000) return undefined;
    this.entries.set(token, entry);
    return entry;
  }

  /** Records a token verifyAccessToken accepted for this resource (ignored once expired). */
  remember(token: string, where: VerifiedFor, verified: VerifiedToken, now: Date): void {
    if (now.getTime() >= verified.claims.exp * 1000) return;
    this.entries.delete(token);
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { ...verified, where: { orgId: where.orgId, issuer: where.issuer, resource: where.resource } });
  }

  /** Drops a token whose key is no longer published. */
  forget(token: string): void {
    this.entries.delete(token);
  }
}
