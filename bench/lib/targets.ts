import type { Measurement } from "./measureLoad";

export interface Row {
  id: string;
  label: string;
  m: Measurement | null;
  /** The comparison shown in the table: "1.62× peer (CPU 0.6×)", "+0.41 ms", "0.93× empty (CPU 1.1×)". */
  comparison: string;
  ratio: number | null;
  target: string;
  met: boolean | null;
  note: string;
}

interface Rule {
  /** What the row is compared with. */
  base?: string;
  baseName?: string;
  min?: number;
  target?: string;
  /** A row whose figure is a difference of p50s at one connection (the gateway's added latency). */
  addedLatencyOver?: string;
  maxAddedMs?: number;
}

// The targets of issue 6, row by row.
const RULES: Record<string, Rule> = {
  "token.client_credentials": { base: "peer.token.client_credentials", baseName: "peer", min: 1.5, target: "≥ 1.5× peer" },
  introspection: { base: "peer.introspection", baseName: "peer", min: 1.5, target: "≥ 1.5× peer" },
  "introspection.refresh_token": { base: "peer.introspection", baseName: "peer" },
  metadata: { base: "peer.discovery", baseName: "peer disc.", min: 1, target: "≥ peer discovery" },
  jwks: { base: "peer.discovery", baseName: "peer disc.", min: 1, target: "≥ peer discovery" },
  gateway: { base: "upstream.direct", baseName: "direct", min: 0.7, target: "≥ 0.70× direct" },
  "gateway.1conn": { addedLatencyOver: "upstream.direct.1conn", maxAddedMs: 1, target: "p50 ≤ +1 ms" },
  "token.client_credentials@1M": { base: "token.client_credentials", baseName: "empty", min: 0.8, target: "≥ 0.8× empty" },
  "token.refresh_token@1M": { base: "token.refresh_token", baseName: "empty", min: 0.8, target: "≥ 0.8× empty" },
  "introspection@1M": { base: "introspection", baseName: "empty", min: 0.8, target: "≥ 0.8× empty" },
};

/** A run is trusted when at most 1% of its answers were not 2xx and no request failed outright. */
export function isValid(m: Measurement): boolean {
  return m.completed > 0 && m.errors === 0 && m.non2xx <= m.completed * 0.01;
}

/** The table's rows: each measurement with its comparison and whether it meets its target. */
export function evaluate(order: { id: string; label: string }[], results: Map<string, Measurement>, notMeasured: Map<string, string>): Row[] {
  return order.map(({ id, label }) => {
    const m = results.get(id) ?? null;
    const rule = RULES[id] ?? {};
    if (!m) return { id, label, m, comparison: "", ratio: null, target: rule.target ?? "", met: rule.target ? false : null, note: notMeasured.get(id) ?? "not measured" };
    const invalid = isValid(m) ? "" : `invalid: ${m.non2xx} non-2xx, ${m.errors} errors of ${m.completed}`;
    if (rule.addedLatencyOver) {
      const base = results.get(rule.addedLatencyOver);
      const added = base ? m.p50Ms - base.p50Ms : NaN;
      const met = base && !invalid ? added <= rule.maxAddedMs! : false;
      return { id, label, m, comparison: base ? `${added >= 0 ? "+" : ""}${added.toFixed(2)} ms` : "", ratio: Number.isNaN(added) ? null : round(added), target: rule.target!, met, note: invalid };
    }
    const base = rule.base ? results.get(rule.base) : undefined;
    const ratio = base && base.rps > 0 ? m.rps / base.rps : null;
    const met = rule.min === undefined ? null : ratio !== null && !invalid && ratio >= rule.min;
    // CPU per request relative to the same base: unlike req/s, barely moved by other work on the machine.
    const cpu = base && base.cpuUsPerReq > 0 ? ` (CPU ${(m.cpuUsPerReq / base.cpuUsPerReq).toFixed(1)}×)` : "";
    return { id, label, m, comparison: ratio === null ? "" : `${ratio.toFixed(2)}× ${rule.baseName}${cpu}`, ratio: ratio === null ? null : round(ratio), target: rule.target ?? "", met, note: invalid };
  });
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
