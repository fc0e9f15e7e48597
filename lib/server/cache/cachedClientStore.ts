import type { ClientRecord, ClientStore } from "@/lib/oauth/ports";
import type { ChangeFeed } from "./ChangeFeed";
import { FeedCache } from "./FeedCache";

/**
 * Registered clients by client_id, kept until the feed announces a change to the client (disabled,
 * deleted, secret or metadata changed). Client ID Metadata Documents are not kept here: their
 * freshness is HTTP caching's (resolveCimdClient), not the feed's. Unknown client ids are not kept
 * either, so a registration is usable at once on every instance.
 */
export function cachedClientStore(inner: ClientStore, feed: ChangeFeed): ClientStore {
  const cache = new FeedCache<ClientRecord>(feed, { maxEntries: 50_000, ttlMs: 5 * 60_000 });
  feed.subscribe({
    change: (change) => {
      if (change.kind === "client") cache.invalidateGroup(`${change.orgId}\n${change.clientId}`);
    },
    reset: () => cache.reset(),
  });
  return {
    async findByClientId(orgId, clientId) {
      if (clientId.startsWith("https://")) return inner.findByClientId(orgId, clientId);
      const key = `${orgId}\n${clientId}`;
      return (await cache.get(key, async () => (await inner.findByClientId(orgId, clientId)) ?? undefined)) ?? null;
    },
    findById: (id) => inner.findById(id),
  };
}
