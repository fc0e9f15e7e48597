import type { JWK } from "jose";
import type { Clock, KeyStore } from "@/lib/oauth/ports";

export interface PublishedKeyCacheOptions {
  /** How long a fetched key set is used without asking the store again. Default 60 s. */
  ttlMs?: number;
  /** An unknown `kid` refetches at once, but at most this often per org. Default 1 s. */
  minRefreshMs?: number;
  /** Orgs kept; the oldest entry goes first. Default 1000. */
  maxOrgs?: number;
}

interface Entry {
  keys: readonly JWK[];
  fetchedAt: number;
}

/**
 * The org's published verification keys (KeyStore.getPublishedKeys) for the resource side, kept
 * in memory so that checking a token costs no database read in the common case.
 *
 * - A key set is reused for `ttlMs`; after that the next request refetches it.
 * - A token whose `kid` is not in the cached set (a key rotated on another instance) refetches
 *   at once, at most every `minRefreshMs`, so garbage kids cannot make every request hit the store.
 * - Concurrent refetches of one org share one store call.
 *
 * Consequences, documented: right after a rotation on another instance, a token signed with the new
 * key may be refused for up to `minRefreshMs` if this instance fetched the keys just before; and a
 * key that stops being published (past its `publishUntil`) may still
 * verify tokens here for up to `ttlMs`. Those tokens have expired by then anyway (a retiring key is
 * published until the last token it signed expires), so nothing valid-looking gets through.
 */
export class PublishedKeyCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inflight = new Map<string, Promise<Entry>>();
  private readonly ttlMs: number;
  private readonly minRefreshMs: number;
  private readonly maxOrgs: number;

  constructor(
    private readonly store: Pick<KeyStore, "getPublishedKeys">,
    private readonly clock: Clock,
    options: PublishedKeyCacheOptions = {},
  ) {
    this.ttlMs = options.ttlMs ?? 60_000;
    this.minRefreshMs = options.minRefreshMs ?? 1_000;
    this.maxOrgs = options.maxOrgs ?? 1000;
  }

  /** The org's keys, fresh enough to verify a token signed with `kid`. */
  async keysFor(orgId: string, kid: string | undefined): Promise<readonly JWK[]> {
    const now = this.clock.now().getTime();
    const entry = this.entries.get(orgId);
    if (entry && now - entry.fetchedAt < this.ttlMs) {
      const known = kid === undefined || entry.keys.some((key) => key.kid === kid);
      if (known || now - entry.fetchedAt < this.minRefreshMs) return entry.keys;
    }
    return (await this.refresh(orgId)).keys;
  }

  /** Drops what is cached for the org (after a local key rotation, say). */
  forget(orgId: string): void {
    this.entries.delete(orgId);
  }

  private refresh(orgId: string): Promise<Entry> {
    let pending = this.inflight.get(orgId);
    if (!pending) {
      pending = this.store
        .getPublishedKeys(orgId)
        .then((keys) => {
          const entry = { keys, fetchedAt: this.clock.now().getTime() };
          this.entries.delete(orgId);
          if (this.entries.size >= this.maxOrgs) this.entries.delete(this.entries.keys().next().value!);
          this.entries.set(orgId, entry);
          return entry;
        })
        .finally(() => this.inflight.delete(orgId));
      this.inflight.set(orgId, pending);
    }
    return pending;
  }
}
