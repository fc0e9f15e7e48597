import type { Row } from "./targets";

/** The one table the benchmark prints (also pasted into the README): fixed-width columns. */
export function formatTable(rows: Row[], extra: { label: string; value: string; target: string; met: boolean | null }[]): string {
  const header = ["scenario", "req/s", "p50 ms", "p99 ms", "CPU µs/req", "core %", "DB µs/req", "comparison", "target", "met?"];
  const lines: string[][] = rows.map((r) => [
    r.label,
    r.m ? String(r.m.rps) : "—",
    r.m ? r.m.p50Ms.toFixed(2) : "—",
    r.m ? r.m.p99Ms.toFixed(2) : "—",
    r.m ? String(r.m.cpuUsPerReq) : "—",
    r.m ? String(Math.round(r.m.serverCoreShare * 100)) : "—",
    r.m?.dbCpuUsPerReq != null ? String(r.m.dbCpuUsPerReq) : "—",
    r.comparison,
    r.target,
    (r.met === null ? "" : r.met ? "yes" : "NO") + (r.note ? ` (${r.note})` : ""),
  ]);
  for (const e of extra) lines.push([e.label, "", "", "", "", "", "", e.value, e.target, e.met === null ? "" : e.met ? "yes" : "NO"]);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
  const numeric = new Set([1, 2, 3, 4, 5, 6]);
  const fmt = (cells: string[]) => cells.map((c, i) => (numeric.has(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!))).join(" | ").trimEnd();
  return [fmt(header), widths.map((w) => "-".repeat(w)).join("-|-"), ...lines.map(fmt)].join("\n");
}
