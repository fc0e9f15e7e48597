import { categorize } from "./categorize";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface WindowSummary {
  /** CPU sampled in the window (idle excluded), per request, in µs. */
  busyUsPerRequest: number;
  /** Self time per category, µs per request, largest first. */
  selfByCategory: { category: string; usPerRequest: number; share: number }[];
  /** Time with at least one frame of the category on the stack (so Prisma includes what it calls). */
  inclusiveByCategory: { category: string; usPerRequest: number; share: number }[];
  /** The hottest functions by self time. */
  topSelf: { fn: string; category: string; usPerRequest: number; share: number }[];
  /** Our own functions by inclusive (synchronous) time: which of our steps cost most. */
  topOurs: { fn: string; usPerRequest: number; share: number }[];
}

/**
 * Splits a V8 CPU profile (node --cpu-prof) by time window and says where the CPU went in each, per
 * request. Windows are in the profile's clock (CLOCK_MONOTONIC microseconds, the clock of
 * process.hrtime in the benchmark), so the benchmark can mark them from its own process.
 */
export function summarizeWindow(profile: CpuProfile, window: { startUs: number; endUs: number }, requests: number): WindowSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  // Line and column: bundled files (Prisma's runtime) hold hundreds of functions on one line.
  const name = (n: ProfileNode) => `${n.callFrame.functionName || "(anonymous)"} ${shortUrl(n.callFrame.url)}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;

  const self = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const selfFn = new Map<string, { category: string; us: number }>();
  const ours = new Map<string, number>();
  let busy = 0;
  let t = profile.startTime;
  for (let i = 0; i < profile.samples.length; i++) {
    t += profile.timeDeltas[i]!;
    // A sample's time is the interval up to the next sample.
    const dt = profile.timeDeltas[i + 1] ?? 0;
    if (t < window.startUs || t >= window.endUs) continue;
    const leaf = byId.get(profile.samples[i]!)!;
    const category = categorize(leaf.callFrame.url, leaf.callFrame.functionName);
    if (category === "idle") continue;
    busy += dt;
    self.set(category, (self.get(category) ?? 0) + dt);
    const key = name(leaf);
    const entry = selfFn.get(key) ?? { category, us: 0 };
    entry.us += dt;
    selfFn.set(key, entry);
    const seenCategories = new Set<string>();
    const seenOurs = new Set<string>();
    for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      const c = categorize(n.callFrame.url, n.callFrame.functionName);
      seenCategories.add(c);
      if (c.startsWith("Gatehouse")) seenOurs.add(name(n));
    }
    for (const c of seenCategories) inclusive.set(c, (inclusive.get(c) ?? 0) + dt);
    for (const f of seenOurs) ours.set(f, (ours.get(f) ?? 0) + dt);
  }
  const per = (us: number) => Math.round(us / requests);
  const share = (us: number) => Math.round((us / busy) * 1000) / 10;
  const ranked = (m: Map<string, number>, skip: Set<string> = new Set()) =>
    [...m].filter(([k]) => !skip.has(k)).sort((a, b) => b[1] - a[1]).map(([category, us]) => ({ category, usPerRequest: per(us), share: share(us) }));
  return {
    busyUsPerRequest: per(busy),
    selfByCategory: ranked(self),
    inclusiveByCategory: ranked(inclusive, new Set(["root", "V8/native (unattributed)", "V8 builtins & native", "GC"])),
    topSelf: [...selfFn].sort((a, b) => b[1].us - a[1].us).slice(0, 25).map(([fn, e]) => ({ fn, category: e.category, usPerRequest: per(e.us), share: share(e.us) })),
    topOurs: [...ours].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([fn, us]) => ({ fn, usPerRequest: per(us), share: share(us) })),
  };
}

function shortUrl(url: string): string {
  const i = url.lastIndexOf("/node_modules/");
  if (i >= 0) return url.slice(i + "/node_modules/".length);
  return url.replace(/^file:\/\/.*?\/(lib|server\.ts|generated)/, "$1");
}
