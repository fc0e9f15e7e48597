import { createHash } from "node:crypto";
import type pg from "pg";

/**
 * Open registration is limited to 50 per address per hour (lib/server/ratelimit/rateLimitRules.ts),
 * and the load generator has one address: the registration run would measure 429s after 50
 * requests. So the bench pre-seeds that address's counter far below zero, in a window that ends
 * tomorrow. The server still runs its full check (the same UPSERT per request), so the cost
 * measured is the real one; only the refusal never comes. The key is built as RateLimiter builds
 * it (`{rule}:{sha256(subject) base64url, 32 characters}`); if that changes, the registration row
 * shows its 429s as non-2xx and is marked invalid rather than silently wrong.
 */
export async function liftRegistrationLimit(client: pg.Client, address: string): Promise<void> {
  const key = `register-ip:${createHash("sha256").update(address).digest("base64url").slice(0, 32)}`;
  await client.query(
    `INSERT INTO "RateLimitBucket" ("key", "windowStart", "count") VALUES ($1, (now() AT TIME ZONE 'UTC') + interval '1 day', -2000000000)
     ON CONFLICT ("key") DO UPDATE SET "windowStart" = EXCLUDED."windowStart", "count" = EXCLUDED."count"`,
    [key],
  );
}
