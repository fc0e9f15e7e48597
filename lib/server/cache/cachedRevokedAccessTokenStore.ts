import type { RevokedAccessTokenStore } from "@/lib/oauth/ports";
import type { ChangeFeed } from "./ChangeFeed";
import { FeedCache } from "./FeedCache";

/**
 * Whether an access token was revoked by RFC 7009, kept per jti (both answers) until the feed
 * announces that jti's revocation: the question comes with every introspection and gateway call,
 * the answer almost never changes.
 */
export function cachedRevokedAccessTokenStore(inner: RevokedAccessTokenStore, feed: ChangeFeed): RevokedAccessTokenStore {
  const cache = new FeedCache<boolean>(feed, { maxEntries: 200_000, ttlMs: 5 * 60_000 });
  feed.subscribe({
    change: (change) => {
      if (change.kind === "jti") cache.invalidateGroup(change.jti);
    },
    reset: () => cache.reset(),
  });
  return {
    async revoke(entry) {
      await inner.revoke(entry);
      feed.publish({ kind: "jti", jti: entry.jti });
    },
    async isRevoked(jti) {
      return (await cache.get(jti, () => inner.isRevoked(jti)))!;
    },
  };
}
