/** A limit on one kind of event for one kind of subject (an email, an address, a client). */
export interface RateLimitRule {
  /** Prefix of the bucket keys, e.g. `signin-email`; also names the rule in logs. */
  name: string;
  /** Events allowed per window; the next one is refused until the window ends. */
  limit: number;
  windowSec: number;
}
