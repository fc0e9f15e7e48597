/** The longest window a rate-limit setting may have: cleanup drops buckets a day after their window began (CleanupPolicy). */
export const MAX_RATE_LIMIT_WINDOW_SEC = 12 * 3600;

const MAX_LIMIT = 1_000_000_000;
const UNIT_SEC = { s: 1, m: 60, h: 3600 } as const;

/**
 * Reads a rate-limit setting written `<limit>/<window>`: events allowed per fixed window, the window
 * a whole number of seconds, minutes or hours (`10/15m`, `50/1h`, `20/300s`). Null when it is not of
 * that form or out of range: a limit of 1 to 1,000,000,000 (the counter is a 32-bit column) over
 * 1 s to 12 h.
 */
export function parseRateLimitSetting(value: string): { limit: number; windowSec: number } | null {
  const match = /^(\d{1,10})\/(\d{1,5})([smh])$/.exec(value.trim());
  if (!match) return null;
  const limit = Number(match[1]);
  const windowSec = Number(match[2]) * UNIT_SEC[match[3] as keyof typeof UNIT_SEC];
  if (limit < 1 || limit > MAX_LIMIT || windowSec < 1 || windowSec > MAX_RATE_LIMIT_WINDOW_SEC) return null;
  return { limit, windowSec };
}
