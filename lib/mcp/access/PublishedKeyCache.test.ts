import type { JWK } from "jose";
import { describe, expect, it } from "vitest";
import { PublishedKeyCache } from "./PublishedKeyCache";

function harness() {
  let now = 1_000_000;
  const published: Record<string, JWK[]> = { org: [{ kid: "k1", kty: "EC" }] };
  let calls = 0;
  const store = {
    async getPublishedKeys(orgId: string) {
      calls++;
      return published[orgId] ?? [];
    },
  };
  const cache = new PublishedKeyCache(store, { now: () => new Date(now) }, { ttlMs: 60_000, minRefreshMs: 5_000 });
  return { cache, published, advance: (ms: number) => (now += ms), calls: () => calls };
}

describe("PublishedKeyCache", () => {
  it("answers from memory within the TTL and refetches after it", async () => {
    const h = harness();
    await h.cache.keysFor("org", "k1");
    await h.cache.keysFor("org", "k1");
    expect(h.calls()).toBe(1);
    h.advance(60_000);
    await h.cache.keysFor("org", "k1");
    expect(h.calls()).toBe(2);
  });

  it("refetches at once for an unknown kid (a rotation elsewhere), but at most every minRefreshMs", async () => {
    const h = harness();
    await h.cache.keysFor("org", "k1");
    h.published.org = [{ kid: "k2", kty: "EC" }, { kid: "k1", kty: "EC" }];
    expect((await h.cache.keysFor("org", "k2")).map((k) => k.kid)).toEqual(["k1"]);
    expect(h.calls()).toBe(1);
    h.advance(5_000);
    expect((await h.cache.keysFor("org", "k2")).map((k) => k.kid)).toEqual(["k2", "k1"]);
    expect(h.calls()).toBe(2);
    await h.cache.keysFor("org", "garbage");
    expect(h.calls()).toBe(2);
  });

  it("shares one store call between concurrent requests", async () => {
    const h = harness();
    await Promise.all([h.cache.keysFor("org", "k1"), h.cache.keysFor("org", "k1"), h.cache.keysFor("org", undefined)]);
    expect(h.calls()).toBe(1);
  });
});
