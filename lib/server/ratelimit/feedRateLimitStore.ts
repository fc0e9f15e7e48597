import type { ChangeFeed } from "../cache/ChangeFeed";
import type { RateLimitStore } from "./RateLimitStore";

/**
 * How long a key counted by another instance is presumed at risk (its rule's window is not in the
 * notification): longer than any window, so the presumption errs toward asking the database.
 */
const FOREIGN_HOT_MS = 24 * 60 * 60_000;
/** Hot keys remembered at most; past that every peek asks the database until the next reset. */
const MAX_HOT_KEYS = 100_000;

/**
 * Spares the database the `peek` of every authenticated request: a key can be at its limit only
 * if it was counted in its current window, and every count is announced by the change feed (the
 * RateLimitBucket trigger) or made here. So while the feed is live and the set of counted ("hot")
 * keys is complete, a peek naming no hot key answers "no counts" without a query. A reset of the
 * feed (changes may have been missed) makes the set incomplete until it is reloaded from the
 * table (`activeKeys`); meanwhile every peek asks the database.
 *
 * Counting (`increment`) always goes to the database: it is the shared, atomic part.
 */
export function feedRateLimitStore(inner: RateLimitStore, feed: ChangeFeed, now: () => number = Date.now): RateLimitStore {
  const hot = new Map<string, number>();
  let complete = false;
  let generation = 0;

  const markHot = (key: string, forMs: number) => {
    if (hot.size >= MAX_HOT_KEYS && !hot.has(key)) {
      complete = false;
      return;
    }
    hot.set(key, Math.max(hot.get(key) ?? 0, now() + forMs));
  };
  const reload = () => {
    const mine = ++generation;
    complete = false;
    hot.clear();
    if (!feed.live) return;
    inner.activeKeys(new Date(now() - FOREIGN_HOT_MS)).then(
      (keys) => {
        if (mine !== generation) return;
        for (const key of keys) markHot(key, FOREIGN_HOT_MS);
        complete = hot.size < MAX_HOT_KEYS;
      },
      () => undefined,
    );
  };
  feed.subscribe({
    change: (change) => {
      if (change.kind === "rate") markHot(change.key, FOREIGN_HOT_MS);
    },
    reset: reload,
  });
  reload();

  return {
    async increment(key, windowMs, at) {
      const count = await inner.increment(key, windowMs, at);
      markHot(key, windowMs);
      return count;
    },
    async peek(keys) {
      if (feed.live && complete) {
        const t = now();
        if (!keys.some((key) => (hot.get(key) ?? 0) > t)) return new Map();
      }
      return inner.peek(keys);
    },
    activeKeys: (since) => inner.activeKeys(since),
  };
}
