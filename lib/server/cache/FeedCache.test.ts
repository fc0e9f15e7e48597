import { describe, expect, it } from "vitest";
import { ChangeFeed } from "./ChangeFeed";
import { FeedCache } from "./FeedCache";

function liveFeed(): ChangeFeed {
  const feed = new ChangeFeed();
  feed.setLive(true);
  return feed;
}

/** A load that resolves when told to, counting its calls. */
function deferredLoads<V>() {
  const calls: { resolve: (value: V) => void }[] = [];
  return {
    calls,
    load: () => new Promise<V>((resolve) => calls.push({ resolve })),
  };
}

describe("FeedCache", () => {
  it("answers from memory once loaded, until its group is invalidated", async () => {
    const cache = new FeedCache<string>(liveFeed(), { maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    const load = async () => `v${++loads}`;
    expect(await cache.get("a", load)).toBe("v1");
    expect(await cache.get("a", load)).toBe("v1");
    cache.invalidateGroup("a");
    expect(await cache.get("a", load)).toBe("v2");
  });

  it("does not keep a value whose load began before a change to its group was announced", async () => {
    const cache = new FeedCache<string>(liveFeed(), { maxEntries: 10, ttlMs: 60_000 });
    const loads = deferredLoads<string>();
    const first = cache.get("grant-1", loads.load);
    cache.invalidateGroup("grant-1");
    loads.calls[0]!.resolve("read before the change");
    expect(await first).toBe("read before the change");
    const second = cache.get("grant-1", loads.load);
    expect(loads.calls).toHaveLength(2);
    loads.calls[1]!.resolve("read after the change");
    expect(await second).toBe("read after the change");
    expect(await cache.get("grant-1", loads.load)).toBe("read after the change");
  });

  it("keeps a value whose load raced a change to another group", async () => {
    const cache = new FeedCache<string>(liveFeed(), { maxEntries: 10, ttlMs: 60_000 });
    const loads = deferredLoads<string>();
    const pending = cache.get("a", loads.load);
    cache.invalidateGroup("b");
    loads.calls[0]!.resolve("a1");
    await pending;
    expect(await cache.get("a", loads.load)).toBe("a1");
    expect(loads.calls).toHaveLength(1);
  });

  it("groups several keys: invalidating the group forgets them all", async () => {
    const cache = new FeedCache<string>(liveFeed(), { maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    const load = async () => `v${++loads}`;
    await cache.get("client-1/resource-a", load, { group: "client-1" });
    await cache.get("client-1/resource-b", load, { group: "client-1" });
    await cache.get("client-2/resource-a", load, { group: "client-2" });
    cache.invalidateGroup("client-1");
    expect(await cache.get("client-1/resource-a", load, { group: "client-1" })).toBe("v4");
    expect(await cache.get("client-2/resource-a", load, { group: "client-2" })).toBe("v3");
  });

  it("reads the group off the loaded value when given a function", async () => {
    const cache = new FeedCache<{ orgId: string }>(liveFeed(), { maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    const load = async () => {
      loads++;
      return { orgId: "org-x" };
    };
    await cache.get("slug-acme", load, { group: (v) => v.orgId });
    cache.invalidateGroup("org-x");
    await cache.get("slug-acme", load, { group: (v) => v.orgId });
    expect(loads).toBe(2);
  });

  it("reads through while the feed is not live, and keeps nothing loaded then", async () => {
    const feed = new ChangeFeed();
    const cache = new FeedCache<string>(feed, { maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    const load = async () => `v${++loads}`;
    await cache.get("a", load);
    await cache.get("a", load);
    expect(loads).toBe(2);
    expect(cache.size).toBe(0);
  });

  it("does not keep a value loaded across the feed going live (changes before it were missed)", async () => {
    const feed = new ChangeFeed();
    const cache = new FeedCache<string>(feed, { maxEntries: 10, ttlMs: 60_000 });
    feed.subscribe({ change: () => undefined, reset: () => cache.reset() });
    const loads = deferredLoads<string>();
    const pending = cache.get("a", loads.load);
    feed.setLive(true);
    loads.calls[0]!.resolve("old");
    await pending;
    expect(cache.size).toBe(0);
  });

  it("forgets entries past their lifetime, and the oldest past its size", async () => {
    let now = 1_000;
    const cache = new FeedCache<string>(liveFeed(), { maxEntries: 2, ttlMs: 100, now: () => now });
    let loads = 0;
    const load = async () => `v${++loads}`;
    await cache.get("a", load);
    now += 101;
    expect(await cache.get("a", load)).toBe("v2");
    await cache.get("b", load);
    await cache.get("c", load);
    expect(cache.size).toBe(2);
    expect(await cache.get("a", load)).toBe("v5");
  });

  it("never keeps a load that found nothing", async () => {
    const cache = new FeedCache<string>(liveFeed(), { maxEntries: 10, ttlMs: 60_000 });
    let loads = 0;
    const load = async () => {
      loads++;
      return undefined;
    };
    expect(await cache.get("missing", load)).toBeUndefined();
    expect(await cache.get("missing", load)).toBeUndefined();
    expect(loads).toBe(2);
  });
});
