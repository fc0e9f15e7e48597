import type { Invariant } from "./checkInvariants";
import type { Outage } from "./probeReadiness";
import type { FlowRecord } from "./runFlow";
import type { SoakStats } from "./SoakStats";

/** The report the soak prints (also pasted into the README): what it did, what it saw, what held. */
export function formatSummary(input: { stats: SoakStats; flows: FlowRecord[]; invariants: Invariant[]; settings: string; outages: Outage[] }): string {
  const { stats, flows, invariants } = input;
  const lines: string[] = [];
  const completed = flows.filter((f) => f.completed).length;
  lines.push(`soak: ${input.settings}`);
  lines.push(
    `flows: ${flows.length} started, ${completed} completed; ${flows.reduce((n, f) => n + f.codeExchanges, 0)} code exchanges, ${flows.reduce((n, f) => n + f.rotationsInFinalFamily, 0)} rotations in final families, ${flows.reduce((n, f) => n + f.gatewayCalls, 0)} gateway calls; re-authorized after a lost answer: ${flows.reduce((n, f) => n + f.ambiguousExchanges + f.ambiguousRefreshes, 0)} (code ${flows.reduce((n, f) => n + f.ambiguousExchanges, 0)}, refresh ${flows.reduce((n, f) => n + f.ambiguousRefreshes, 0)}), re-registered: ${flows.reduce((n, f) => n + f.ambiguousRegistrations, 0)}`,
  );
  lines.push("", "requests by step and status:");
  const width = Math.max(...[...stats.statuses.keys()].map((k) => k.length));
  for (const [step, byStatus] of stats.statuses) {
    const total = [...byStatus.values()].reduce((a, b) => a + b, 0);
    lines.push(`  ${step.padEnd(width)}  ${String(total).padStart(6)}  ${[...byStatus].sort(([a], [b]) => a - b).map(([s, c]) => `${s}×${c}`).join(" ")}`);
  }
  lines.push(`  slowest answer: ${Math.round(stats.slowestMs)} ms (${stats.slowestStep})`);
  lines.push("", "errors by kind (a refused connection or a 503 during an outage is expected):");
  if (stats.errors.size === 0) lines.push("  none");
  for (const [kind, count] of stats.errors) lines.push(`  ${kind}: ${count}${stats.examples.get(kind)?.length ? `  e.g. ${stats.examples.get(kind)![0]}` : ""}`);
  lines.push("", "faults:");
  for (const f of stats.faults) lines.push(`  at ${(f.startedAt / 1000).toFixed(1)} s: ${f.what}, ${(f.durationMs / 1000).toFixed(1)} s`);
  lines.push("outages seen by the readiness probe (GET /api/health/ready, every second):");
  if (input.outages.length === 0) lines.push("  none");
  for (const o of input.outages) {
    const what = o.kind === "503" ? "503 with Retry-After" : o.kind === "refused" ? "connection refused" : "connection cut or no answer in time";
    lines.push(`  instance ${"AB"[o.instance]}: ${what} from ${(o.fromMs / 1000).toFixed(1)} s to ${(o.toMs / 1000).toFixed(1)} s (${((o.toMs - o.fromMs) / 1000 + 1).toFixed(0)} s at 1 s resolution)`);
  }
  lines.push("", "invariants:");
  for (const i of invariants) lines.push(`  ${i.held ? "held  " : "FAILED"}  ${i.name}: ${i.detail}`);
  const failed = invariants.filter((i) => !i.held).length;
  lines.push("", failed === 0 ? `all ${invariants.length} invariants held` : `${failed} of ${invariants.length} invariants FAILED`);
  return lines.join("\n");
}
