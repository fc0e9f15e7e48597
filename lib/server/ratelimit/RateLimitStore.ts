/** One key's counter in its current fixed window. */
export interface RateLimitCount {
  count: number;
  /** When the key's current window began (its first event after the previous window ended). */
  windowStart: Date;
}

/**
 * Where rate-limit counters live. It must be shared by every instance (a per-process counter lets
 * an attacker multiply the limit by the number of instances), so the implementation is the
 * database (databaseRateLimitStore); a Redis one fits the same two methods: `increment` is
 * `INCR key` + `PEXPIRE key windowMs NX` in one MULTI, `peek` is `MGET` plus `PTTL`.
 */
export interface RateLimitStore {
  /**
   * ATOMIC across instances: counts one event for `key`. When the key's window has ended (its start
   * is `windowMs` or more before `now`), a new window starts at `now` with a count of 1.
   */
  increment(key: string, windowMs: number, now: Date): Promise<RateLimitCount>;
  /** The stored counters of `keys` (missing keys are absent from the map), without counting. */
  peek(keys: readonly string[]): Promise<Map<string, RateLimitCount>>;
  /** Keys whose current window began after `since`: those that may be at their limit. */
  activeKeys(since: Date): Promise<string[]>;
}
