import type { ChangeFeed } from "../cache/ChangeFeed";
import type { RateLimitStore } from "./RateLimitStore";

/**
 * How long a key counted by another instance is presumed at risk (its rule's window is not in the
 * notification): longer than any window, so the presumption errs toward asking the database.
 */
const FOREIGN_HOT_MS = 24 * 60 * 60_000;
/** Hot keys remembered at most (after expired ones are swept); past that peeks ask the database. */
const MAX_HOT_KEYS = 100_000;

interface FeedRateLimitStoreOptions {
  now?: () => number;
  maxHotKeys?: number;
}

/**
 * Spares the database the `peek` of every authenticated request: a key can be at its limit only
 * if it was counted in its current window, and every count is announced by the change feed (the
 * RateLimitBucket trigger) or made here. So while the feed is live and the set of counted ("hot")
 * keys is complete, a peek naming no hot key answers "no counts" without a query. A reset of the
 * feed (changes may have been missed) makes the set incomplete until it is reloaded from the
 * table (`activeKeys`); meanwhile every peek asks the database.
 *
 * Each hot key carries the time its presumption ends (its window, or FOREIGN_HOT_MS), and a peek
 * already treats a key past that time as not hot; so removing such a key changes no answer, and
 * the set stays complete. That is how it is kept to `maxHotKeys`: when a new key finds the set
 * full, the expired keys are swept first (at most once per earliest remaining expiry, so a set
 * full of live keys does not cost a sweep per request). Only when the set is still full is the
 * key left out; then the set is incomplete until that key's presumption would have ended
 * (`missedUntil`), and until then every peek asks the database. Without the sweep, a long-running
 * instance lost its fast path for good once it had seen `maxHotKeys` distinct keys. (The clock is
 * assumed not to go back: an expiry already passed stays passed.)
 *
 * Counting (`increment`) always goes to the database: it is the shared, atomic part.
 */
export function feedRateLimitStore(inner: RateLimitStore, feed: ChangeFeed, options: FeedRateLimitStoreOptions = {}): RateLimitStore {
  const now = options.now ?? Date.now;
  const maxHotKeys = options.maxHotKeys ?? MAX_HOT_KEYS;
  const hot = new Map<string, number>();
  /** Reloaded from the table since the last reset of the feed. */
  let loaded = false;
  /** Until when a key left out of a full set may still be at risk: the set is incomplete till then. */
  let missedUntil = 0;
  /** No key in the set expires before this: an earlier sweep would find nothing. */
  let nextSweepAt = 0;
  let generation = 0;

  const sweep = (t: number) => {
    let earliest = Infinity;
    for (const [key, until] of hot) {
      if (until <= t) hot.delete(key);
      else if (until < earliest) earliest = until;
    }
    nextSweepAt = earliest;
  };
  const markHot = (key: string, forMs: number) => {
    const t = now();
    const until = t + forMs;
    const known = hot.get(key);
    if (known === undefined && hot.size >= maxHotKeys) {
      if (t >= nextSweepAt) sweep(t);
      if (hot.size >= maxHotKeys) {
        missedUntil = Math.max(missedUntil, until);
        return;
      }
    }
    hot.set(key, Math.max(known ?? 0, until));
    // A short window may end before the set's earliest expiry so far.
    if (until < nextSweepAt) nextSweepAt = until;
  };
  const reload = () => {
    const mine = ++generation;
    loaded = false;
    missedUntil = 0;
    nextSweepAt = 0;
    hot.clear();
    if (!feed.live) return;
    inner.activeKeys(new Date(now() - FOREIGN_HOT_MS)).then(
      (keys) => {
        if (mine !== generation) return;
        for (const key of keys) markHot(key, FOREIGN_HOT_MS);
        loaded = true;
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
      const t = now();
      if (feed.live && loaded && t >= missedUntil) {
        if (!keys.some((key) => (hot.get(key) ?? 0) > t)) return new Map();
      }
      return inner.peek(keys);
    },
    activeKeys: (since) => inner.activeKeys(since),
  };
}
