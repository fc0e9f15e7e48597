import { createHash } from "node:crypto";
import type { Clock } from "@/lib/oauth/ports";
import type { RateLimitRule } from "./RateLimitRule";
import type { RateLimitCount, RateLimitStore } from "./RateLimitStore";

/** One subject under one rule; a null subject (e.g. no known address) is not limited. */
export interface RateLimitEntry {
  rule: RateLimitRule;
  subject: string | null;
}

export type RateLimitDecision = { allowed: true } | { allowed: false; rule: RateLimitRule; retryAfterSec: number };

/**
 * Fixed-window limits over a shared RateLimitStore.
 *
 * - `check` refuses when a subject has already reached its limit, without counting: used BEFORE a
 *   secret is verified, so that once the limit is reached a right guess is refused like a wrong
 *   one (checking afterwards would let an attacker ignore the 429s and wait for a 200).
 * - `record` counts one event (a failure) for each entry.
 * - `consume` counts and refuses past the limit in one step (every attempt counts).
 *
 * Bucket keys are `{rule}:{sha256(subject)}`: emails and addresses are not stored in clear, and a
 * long CIMD client_id makes a key of fixed size.
 */
export class RateLimiter {
  constructor(
    private readonly store: RateLimitStore,
    private readonly clock: Clock,
  ) {}

  async check(entries: readonly RateLimitEntry[]): Promise<RateLimitDecision> {
    const live = keyed(entries);
    if (live.length === 0) return { allowed: true };
    const counts = await this.store.peek(live.map((entry) => entry.key));
    return this.decide(live.map((entry) => ({ ...entry, count: counts.get(entry.key) })), 0);
  }

  async record(entries: readonly RateLimitEntry[]): Promise<void> {
    const now = this.clock.now();
    await Promise.all(keyed(entries).map((entry) => this.store.increment(entry.key, entry.rule.windowSec * 1000, now)));
  }

  async consume(entries: readonly RateLimitEntry[]): Promise<RateLimitDecision> {
    const now = this.clock.now();
    const live = keyed(entries);
    const counts = await Promise.all(live.map((entry) => this.store.increment(entry.key, entry.rule.windowSec * 1000, now)));
    // After counting this attempt, the limit itself is still allowed: refuse only beyond it.
    return this.decide(live.map((entry, i) => ({ ...entry, count: counts[i] })), 1);
  }

  private decide(entries: { rule: RateLimitRule; count: RateLimitCount | undefined }[], allowance: number): RateLimitDecision {
    const now = this.clock.now().getTime();
    let refusal: RateLimitDecision = { allowed: true };
    for (const { rule, count } of entries) {
      if (!count) continue;
      const endsAt = count.windowStart.getTime() + rule.windowSec * 1000;
      if (endsAt <= now || count.count < rule.limit + allowance) continue;
      const retryAfterSec = Math.max(1, Math.ceil((endsAt - now) / 1000));
      if (refusal.allowed || retryAfterSec > refusal.retryAfterSec) refusal = { allowed: false, rule, retryAfterSec };
    }
    return refusal;
  }
}

function keyed(entries: readonly RateLimitEntry[]) {
  return entries
    .filter((entry): entry is { rule: RateLimitRule; subject: string } => entry.subject !== null)
    .map((entry) => ({ rule: entry.rule, key: `${entry.rule.name}:${createHash("sha256").update(entry.subject).digest("base64url").slice(0, 32)}` }));
}
