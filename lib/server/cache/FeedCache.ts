import type { ChangeFeed } from "./ChangeFeed";

export interface FeedCacheOptions {
  /** Entries kept at most; the oldest go first. */
  maxEntries: number;
  /** How long an entry lives without any change announced: a backstop, not the mechanism. */
  ttlMs: number;
  now?: () => number;
}

interface Entry<V> {
  value: V;
  group: string;
  expiresAt: number;
}

/** Tombstones kept at most before they are folded into one reset (a burst of changes). */
const MAX_TOMBSTONES = 10_000;

/**
 * A read-through cache whose entries a ChangeFeed invalidates, by group (an org, a client, a
 * grant). Two rules make it safe under concurrency:
 *
 * - it answers from memory only while the feed is live (ChangeFeed);
 * - a value loaded from the database is kept only if no change to its group (nor a reset) was
 *   announced after the load began: a load that raced a commit may carry the old row, and keeping
 *   it would outlive the change's announcement. Such a load still answers its own caller, as the
 *   database would have a moment earlier.
 *
 * Not handled: a change committed but not yet announced (another instance's write, in the
 * milliseconds before its NOTIFY arrives) is not seen; that is the feed's latency.
 */
export class FeedCache<V> {
  #entries = new Map<string, Entry<V>>();
  #keysByGroup = new Map<string, Set<string>>();
  #tombstones = new Map<string, number>();
  #epoch = 0;
  #loading = 0;
  #resetEpoch = 0;
  readonly #now: () => number;

  constructor(
    private readonly feed: ChangeFeed,
    private readonly options: FeedCacheOptions,
  ) {
    this.#now = options.now ?? Date.now;
  }

  /**
   * The cached value of `key`, or `load()`'s. `group` is what a change names (default: the key),
   * or how to read it off the loaded value (a slug's org id);
   * `expiresAt` may shorten an entry's life (epoch ms; e.g. when a retiring key leaves the JWKS).
   * A load that resolves to `undefined` is never kept (not found: the next request asks again).
   */
  async get(key: string, load: () => Promise<V | undefined>, options: { group?: string | ((value: V) => string); expiresAt?: (value: V) => number } = {}): Promise<V | undefined> {
    if (this.feed.live) {
      const entry = this.#entries.get(key);
      if (entry && entry.expiresAt > this.#now()) return entry.value;
    }
    const startedAt = this.#epoch;
    this.#loading++;
    try {
      const value = await load();
      if (value !== undefined && this.feed.live) {
        const group = typeof options.group === "function" ? options.group(value) : (options.group ?? key);
        if (!this.#changedSince(group, startedAt)) {
          this.#store(key, group, value, Math.min(options.expiresAt?.(value) ?? Infinity, this.#now() + this.options.ttlMs));
        }
      }
      return value;
    } finally {
      // Tombstones only guard loads under way: with none left, they can go.
      if (--this.#loading === 0) this.#tombstones.clear();
    }
  }

  /** Forgets every entry of the group, and keeps loads already under way from storing it. */
  invalidateGroup(group: string): void {
    this.#epoch++;
    this.#tombstones.set(group, this.#epoch);
    if (this.#tombstones.size > MAX_TOMBSTONES) this.reset();
    const keys = this.#keysByGroup.get(group);
    if (!keys) return;
    for (const key of keys) this.#entries.delete(key);
    this.#keysByGroup.delete(group);
  }

  reset(): void {
    this.#epoch++;
    this.#resetEpoch = this.#epoch;
    this.#tombstones.clear();
    this.#entries.clear();
    this.#keysByGroup.clear();
  }

  get size(): number {
    return this.#entries.size;
  }

  #changedSince(group: string, epoch: number): boolean {
    return this.#resetEpoch > epoch || (this.#tombstones.get(group) ?? -1) > epoch;
  }

  #store(key: string, group: string, value: V, expiresAt: number): void {
    const previous = this.#entries.get(key);
    if (previous) this.#unindex(key, previous.group);
    this.#entries.delete(key);
    this.#entries.set(key, { value, group, expiresAt });
    let keys = this.#keysByGroup.get(group);
    if (!keys) this.#keysByGroup.set(group, (keys = new Set()));
    keys.add(key);
    if (this.#entries.size > this.options.maxEntries) {
      const [oldestKey, oldest] = this.#entries.entries().next().value as [string, Entry<V>];
      this.#entries.delete(oldestKey);
      this.#unindex(oldestKey, oldest.group);
    }
  }

  #unindex(key: string, group: string): void {
    const keys = this.#keysByGroup.get(group);
    keys?.delete(key);
    if (keys?.size === 0) this.#keysByGroup.delete(group);
  }
}
