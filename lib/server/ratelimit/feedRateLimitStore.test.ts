import { describe, expect, it } from "vitest";
import { ChangeFeed } from "../cache/ChangeFeed";
import { feedRateLimitStore } from "./feedRateLimitStore";
import type { RateLimitStore } from "./RateLimitStore";

const WINDOW_MS = 60_000;

/** A live feed, a store over a counting stand-in for the database, and a clock the test moves. */
async function setUp(maxHotKeys: number) {
  let t = 1_000_000;
  const peeks: string[][] = [];
  const inner: RateLimitStore = {
    increment: async (_key, _windowMs, at) => ({ count: 1, windowStart: at }),
    peek: async (keys) => {
      peeks.push([...keys]);
      return new Map();
    },
    activeKeys: async () => [],
  };
  const feed = new ChangeFeed();
  feed.setLive(true);
  const store = feedRateLimitStore(inner, feed, { now: () => t, maxHotKeys });
  await Promise.resolve(); // the (empty) reload from the table
  const count = (key: string) => store.increment(key, WINDOW_MS, new Date(t));
  return { store, peeks, count, advance: (ms: number) => (t += ms) };
}

describe("feedRateLimitStore", () => {
  it("answers a peek of an uncounted key from memory, and asks the database about a counted one", async () => {
    const { store, peeks, count } = await setUp(10);
    await count("ip:1");
    expect(await store.peek(["ip:2"])).toEqual(new Map());
    expect(peeks).toEqual([]);
    await store.peek(["ip:2", "ip:1"]);
    expect(peeks).toEqual([["ip:2", "ip:1"]]);
  });

  it("keeps answering from memory after many distinct keys have come and expired", async () => {
    const { store, peeks, count, advance } = await setUp(10);
    for (let round = 0; round < 5; round++) {
      for (let i = 0; i < 10; i++) await count(`ip:${round}.${i}`);
      advance(WINDOW_MS);
    }
    await count("ip:last");
    expect(await store.peek(["ip:new"])).toEqual(new Map());
    expect(peeks).toEqual([]);
    await store.peek(["ip:last"]);
    expect(peeks).toEqual([["ip:last"]]);
  });

  it("asks the database while a key left out of a full set may be at its limit, and not after", async () => {
    const { store, peeks, count, advance } = await setUp(3);
    for (const key of ["a", "b", "c"]) await count(key);
    await count("left-out");
    await store.peek(["other"]);
    expect(peeks).toEqual([["other"]]);
    advance(WINDOW_MS);
    await count("after");
    expect(await store.peek(["other"])).toEqual(new Map());
    expect(peeks).toHaveLength(1);
  });
});
