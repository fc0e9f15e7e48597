import type { RateLimitRule } from "./RateLimitRule";

/**
 * The limits, per subject, in fixed windows (a burst of up to twice the limit can straddle a window
 * boundary; acceptable for throttling guessing, and it keeps the counter to one row). Failures are
 * counted, not successes, except for registration, where every attempt counts.
 *
 * - Sign-in: passwords are the only guessable secret here. Per email, 10 failures per 15 minutes
 *   slows guessing to 40 an hour while a person who mistypes keeps several tries (locking an
 *   account out for good would let anyone deny a person access). Per address, 50 per 15 minutes
 *   stops one machine from spraying passwords over many emails.
 * - Client authentication (token, introspection, revocation endpoints): client secrets are 256-bit
 *   random, so this is defense in depth against a leaked prefix or an admin-set secret, and it
 *   keeps a scanner from burning CPU. Per client_id 20 failures per 5 minutes (short, so an
 *   attacker who triggers it to annoy a machine client blocks it only briefly); per address 100.
 * - Open registration (RFC 7591 §5 leaves abuse to the server): 50 registrations per address per
 *   hour, above what a team behind one NAT creates, far below what fills the Client table.
 *
 * These are the defaults. A deployment changes a limit and its window, never the rule's name, with
 * GATEHOUSE_RATE_LIMIT_* (loadConfig); the throttles read the rules in force from the config.
 */
export const RATE_LIMIT_RULES = {
  signInPerEmail: { name: "signin-email", limit: 10, windowSec: 15 * 60 },
  signInPerAddress: { name: "signin-ip", limit: 50, windowSec: 15 * 60 },
  clientAuthPerClient: { name: "client-auth-client", limit: 20, windowSec: 5 * 60 },
  clientAuthPerAddress: { name: "client-auth-ip", limit: 100, windowSec: 5 * 60 },
  registrationPerAddress: { name: "register-ip", limit: 50, windowSec: 60 * 60 },
} as const satisfies Record<string, RateLimitRule>;

export type RateLimitRuleName = keyof typeof RATE_LIMIT_RULES;

