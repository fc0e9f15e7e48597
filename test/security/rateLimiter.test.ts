import type { IncomingMessage } from "node:http";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { databaseRateLimitStore } from "@/lib/server/ratelimit/databaseRateLimitStore";
import { clientAddress } from "@/lib/server/ratelimit/clientAddress";
import { RateLimiter } from "@/lib/server/ratelimit/RateLimiter";
import { stampClientAddress } from "@/lib/server/ratelimit/stampClientAddress";
import { openTestDatabase, TEST_DATABASE_URL, type TestDatabase } from "../support/testDatabase";

// The shared counters behind every limit: one atomic statement per event, so that instances on one
// database never lose a count, and windows that end.
let db: TestDatabase;
beforeAll(async () => {
  db = await openTestDatabase();
});
afterAll(() => db.close());
beforeEach(() => db.prisma.rateLimitBucket.deleteMany());

const clock = (start: number) => {
  let now = start;
  return { now: () => new Date(now), advance: (ms: number) => void (now += ms) };
};
const rule = { name: "test", limit: 3, windowSec: 60 };

describe("databaseRateLimitStore", () => {
  it("counts 100 concurrent increments of one key exactly, each seeing a distinct count", async () => {
    const store = databaseRateLimitStore(db.sql);
    const now = new Date();
    const counts = await Promise.all(Array.from({ length: 100 }, () => store.increment("k", 60_000, now)));
    expect(counts.map((c) => c.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    expect((await store.peek(["k"])).get("k")?.count).toBe(100);
  });

  it("starts a new window once the old one has ended, keeping the window start stable inside it", async () => {
    const store = databaseRateLimitStore(db.sql);
    const t0 = new Date("2026-03-01T10:00:00.000Z");
    expect(await store.increment("w", 60_000, t0)).toEqual({ count: 1, windowStart: t0 });
    expect(await store.increment("w", 60_000, new Date(t0.getTime() + 59_999))).toEqual({ count: 2, windowStart: t0 });
    const t1 = new Date(t0.getTime() + 60_000);
    expect(await store.increment("w", 60_000, t1)).toEqual({ count: 1, windowStart: t1 });
  });

  it("peeks several keys at once, leaving absent ones out", async () => {
    const store = databaseRateLimitStore(db.sql);
    const now = new Date("2026-03-01T10:00:00.000Z");
    await store.increment("a", 60_000, now);
    await store.increment("b", 60_000, now);
    await store.increment("b", 60_000, now);
    const peeked = await store.peek(["a", "b", "c"]);
    expect([...peeked.entries()].sort()).toEqual([["a", { count: 1, windowStart: now }], ["b", { count: 2, windowStart: now }]]);
  });

  // On PostgreSQL, a second connection pool is a second instance; the embedded database serves one
  // process, so there the two stores share its one connection.
  it("shares counts between two instances on one database", async () => {
    const pool = TEST_DATABASE_URL ? new pg.Pool({ connectionString: db.url!, max: 4 }) : null;
    const other = pool ?? db.sql;
    try {
      const a = databaseRateLimitStore(db.sql);
      const b = databaseRateLimitStore(other);
      const now = new Date();
      await Promise.all(Array.from({ length: 40 }, (_, i) => (i % 2 === 0 ? a : b).increment("shared", 60_000, now)));
      expect((await a.peek(["shared"])).get("shared")?.count).toBe(40);
      expect((await b.peek(["shared"])).get("shared")?.count).toBe(40);
    } finally {
      await pool?.end();
    }
  });
});

describe("RateLimiter", () => {
  it("check refuses once the limit is reached, with the seconds left in the window", async () => {
    const time = clock(Date.parse("2026-03-01T10:00:00Z"));
    const limiter = new RateLimiter(databaseRateLimitStore(db.sql), time);
    const entries = [{ rule, subject: "alice@example.com" }];
    for (let i = 0; i < rule.limit; i++) {
      expect(await limiter.check(entries)).toEqual({ allowed: true });
      await limiter.record(entries);
    }
    time.advance(15_000);
    expect(await limiter.check(entries)).toEqual({ allowed: false, rule, retryAfterSec: 45 });
    time.advance(45_000);
    expect(await limiter.check(entries)).toEqual({ allowed: true });
  });

  it("consume allows exactly the limit, then refuses", async () => {
    const limiter = new RateLimiter(databaseRateLimitStore(db.sql), clock(Date.parse("2026-03-01T10:00:00Z")));
    const entries = [{ rule, subject: "203.0.113.9" }];
    const decisions = [];
    for (let i = 0; i < rule.limit + 2; i++) decisions.push((await limiter.consume(entries)).allowed);
    expect(decisions).toEqual([true, true, true, false, false]);
  });

  it("refuses when any of several subjects is over its limit, and ignores a null subject", async () => {
    const limiter = new RateLimiter(databaseRateLimitStore(db.sql), clock(Date.parse("2026-03-01T10:00:00Z")));
    const email = { rule, subject: "bob@example.com" };
    const address = { rule: { ...rule, name: "test-ip", limit: 100 }, subject: null };
    for (let i = 0; i < rule.limit; i++) await limiter.record([email, address]);
    expect((await limiter.check([address, email])).allowed).toBe(false);
    expect((await limiter.check([address])).allowed).toBe(true);
  });

  it("stores no subject in clear: keys are the rule and a hash", async () => {
    const limiter = new RateLimiter(databaseRateLimitStore(db.sql), clock(Date.now()));
    await limiter.record([{ rule, subject: "carol@example.com" }]);
    const [bucket] = await db.prisma.rateLimitBucket.findMany();
    expect(bucket!.key).toMatch(/^test:[A-Za-z0-9_-]{32}$/);
    expect(bucket!.key).not.toContain("carol");
  });
});

describe("the client address the limits key on", () => {
  const incoming = (remoteAddress: string, headers: Record<string, string> = {}) => ({ socket: { remoteAddress }, headers: { ...headers } }) as unknown as IncomingMessage;

  it.each([
    ["the socket's address", incoming("203.0.113.5"), 0, "203.0.113.5"],
    ["an IPv4-mapped IPv6 address, as IPv4", incoming("::ffff:203.0.113.5"), 0, "203.0.113.5"],
    ["an IPv6 address as it is", incoming("2001:db8::1"), 0, "2001:db8::1"],
    ["the socket, not a header the client wrote", incoming("203.0.113.5", { "x-gatehouse-client-ip": "192.0.2.1", "x-forwarded-for": "192.0.2.2" }), 0, "203.0.113.5"],
    ["behind one trusted proxy: the address it appended", incoming("10.0.0.2", { "x-forwarded-for": "192.0.2.9, 198.51.100.7" }), 1, "198.51.100.7"],
    ["behind two trusted proxies: the second from the right", incoming("10.0.0.2", { "x-forwarded-for": "192.0.2.9, 198.51.100.7, 10.0.0.3" }), 2, "198.51.100.7"],
    ["behind a proxy that sent no X-Forwarded-For: the socket", incoming("10.0.0.2"), 1, "10.0.0.2"],
  ])("%s", (_name, req, hops, expected) => {
    stampClientAddress(req, hops);
    expect(req.headers["x-gatehouse-client-ip"]).toBe(expected);
    expect(clientAddress(req.headers as Record<string, string>)).toBe(expected);
  });

  it("no address known (no front door): none, so per-address limits are skipped", () => {
    expect(clientAddress(new Headers())).toBeNull();
  });
});
