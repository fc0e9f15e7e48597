import { getConfig } from "../config/getConfig";
import { getRateLimiter } from "./getRateLimiter";
import type { RateLimitEntry } from "./RateLimiter";

export interface SignInThrottle {
  /** Seconds until the person may try again, or null when they may try now. */
  retryAfterSec: number | null;
  /** Counts a failed sign-in against the email and the address. */
  failed(): Promise<void>;
}

/**
 * Password guessing protection for the portal sign-in: failures count per email (lower-cased, known
 * or not, so the limit reveals no account) and per address (RATE_LIMIT_RULES). Checked before the
 * password hash is computed, so a blocked attempt costs no argon2 time either.
 */
export async function throttleSignIn(email: string, address: string | null): Promise<SignInThrottle> {
  const rules = getConfig().rateLimits;
  const entries: RateLimitEntry[] = [
    { rule: rules.signInPerEmail, subject: email.toLowerCase() },
    { rule: rules.signInPerAddress, subject: address },
  ];
  const limiter = await getRateLimiter();
  const decision = await limiter.check(entries);
  return { retryAfterSec: decision.allowed ? null : decision.retryAfterSec, failed: () => limiter.record(entries) };
}
