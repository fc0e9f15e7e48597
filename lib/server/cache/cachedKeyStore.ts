import type { JWK } from "jose";
import type { KeyStore, SigningKeyRecord } from "@/lib/oauth/ports";
import type { ChangeFeed } from "./ChangeFeed";
import { FeedCache } from "./FeedCache";

/**
 * The org's signing keys, kept until the feed announces a change to them (a rotation). The
 * published set also changes with time alone (a retiring key leaves the JWKS at its
 * `publishUntil`), so it is kept at most a minute: a key published up to a minute longer signs
 * nothing new, and the tokens it signed have expired by then.
 */
export function cachedKeyStore(inner: KeyStore, feed: ChangeFeed): KeyStore {
  const active = new FeedCache<SigningKeyRecord>(feed, { maxEntries: 10_000, ttlMs: 5 * 60_000 });
  const published = new FeedCache<JWK[]>(feed, { maxEntries: 10_000, ttlMs: 60_000 });
  feed.subscribe({
    change: (change) => {
      if (change.kind !== "key") return;
      active.invalidateGroup(change.orgId);
      published.invalidateGroup(change.orgId);
    },
    reset: () => {
      active.reset();
      published.reset();
    },
  });
  return {
    async getActiveSigningKey(orgId) {
      return (await active.get(orgId, () => inner.getActiveSigningKey(orgId)))!;
    },
    async getPublishedKeys(orgId) {
      return (await published.get(orgId, () => inner.getPublishedKeys(orgId)))!;
    },
  };
}
