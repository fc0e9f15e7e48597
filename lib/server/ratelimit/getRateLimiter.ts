import type { PrismaClient } from "@/generated/prisma/client";
import { systemClock } from "@/lib/oauth/runtime/systemClock";
import { getDatabase } from "../db/getDatabase";
import { databaseRateLimitStore } from "./databaseRateLimitStore";
import { feedRateLimitStore } from "./feedRateLimitStore";
import { RateLimiter } from "./RateLimiter";

/** Tests may install a limiter of their own here (e.g. one that never refuses, for fuzzing). */
const holder = globalThis as unknown as { __gatehouseRateLimiter?: RateLimiter };
const limiters = new WeakMap<PrismaClient, RateLimiter>();

/**
 * The rate limiter on the process's database. The counters live in the database; what it keeps is
 * only which keys were counted (feedRateLimitStore), so the custom server and Next's bundles,
 * separate module graphs in one process, may each build one.
 */
export async function getRateLimiter(): Promise<RateLimiter> {
  if (holder.__gatehouseRateLimiter) return holder.__gatehouseRateLimiter;
  const { prisma, sql, changes } = await getDatabase();
  let limiter = limiters.get(prisma);
  if (!limiter) {
    limiter = new RateLimiter(feedRateLimitStore(databaseRateLimitStore(sql), changes), systemClock);
    limiters.set(prisma, limiter);
  }
  return limiter;
}
