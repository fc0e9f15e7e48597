import type { GrantRecord, GrantStore } from "@/lib/oauth/ports";
import type { ChangeFeed } from "./ChangeFeed";
import { FeedCache } from "./FeedCache";

/**
 * Grants by id (every introspection and gateway call asks whether the token's grant is still
 * live) and the client-credentials grant of a client (every machine token), kept until the feed
 * announces a change to that grant. Revocation goes to the database first, then is announced
 * here at once, and to other instances by the trigger's notification.
 */
export function cachedGrantStore(inner: GrantStore, feed: ChangeFeed): GrantStore {
  const byId = new FeedCache<GrantRecord>(feed, { maxEntries: 100_000, ttlMs: 5 * 60_000 });
  const clientGrants = new FeedCache<GrantRecord>(feed, { maxEntries: 10_000, ttlMs: 5 * 60_000 });
  feed.subscribe({
    change: (change) => {
      if (change.kind !== "grant") return;
      byId.invalidateGroup(change.grantId);
      clientGrants.invalidateGroup(change.clientRowId);
    },
    reset: () => {
      byId.reset();
      clientGrants.reset();
    },
  });
  return {
    async find(grantId) {
      return (await byId.get(grantId, async () => (await inner.find(grantId)) ?? undefined)) ?? null;
    },
    async findOrCreateClientGrant(grant) {
      const key = `${grant.orgId}\n${grant.clientRowId}\n${grant.resource}\n${[...grant.scopes].sort().join(" ")}`;
      const found = await clientGrants.get(key, () => inner.findOrCreateClientGrant(grant), { group: grant.clientRowId });
      return found!;
    },
    async revoke(grantId, reason, now) {
      // Read first: once the revocation has committed, nothing may fail before it is announced.
      const grant = await inner.find(grantId);
      await inner.revoke(grantId, reason, now);
      if (grant) feed.publish({ kind: "grant", grantId, clientRowId: grant.clientRowId });
    },
  };
}
