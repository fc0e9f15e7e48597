import type { queriesPerRequest } from "./querySnapshot";
import type { WindowSummary } from "./summarizeCpuProfile";

export interface ScenarioProfile {
  id: string;
  label: string;
  requests: number;
  rps: number;
  cpuUsPerReq: number;
  queries: ReturnType<typeof queriesPerRequest>;
  profile: WindowSummary;
}

/** The profile as Markdown: per scenario, CPU by category, hottest functions, our steps, statements. */
export function formatProfileReport(
  scenarios: ScenarioProfile[],
  queryCost: Record<string, { usPerCall: number; wallUsPerCall: number }> | null,
  memory: { idle: Record<string, number>; afterLoad: Record<string, number> },
): string {
  const out: string[] = ["# Where Gatehouse's CPU goes (bench/profile.ts)", ""];
  const mib = (bytes: number | undefined) => (bytes === undefined ? "—" : (bytes / 2 ** 20).toFixed(0));
  out.push("Server memory (process.memoryUsage, MiB):", "", "| | rss | heapTotal | heapUsed | external | arrayBuffers |", "|---|---:|---:|---:|---:|---:|");
  for (const [when, m] of Object.entries(memory)) out.push(`| ${when} | ${mib(m.rss)} | ${mib(m.heapTotal)} | ${mib(m.heapUsed)} | ${mib(m.external)} | ${mib(m.arrayBuffers)} |`);
  out.push("");
  if (queryCost) {
    out.push("One round trip, CPU of the calling process (16 concurrent, pool of 10, same row):", "", "| call | CPU µs/call | wall µs/call |", "|---|---:|---:|");
    for (const [name, c] of Object.entries(queryCost)) out.push(`| ${name} | ${c.usPerCall} | ${c.wallUsPerCall} |`);
    out.push("");
  }
  for (const s of scenarios) {
    const p = s.profile;
    out.push(`## ${s.label}`, "");
    out.push(`${s.rps} req/s under the profiler, ${s.cpuUsPerReq} µs CPU/req (process), ${p.busyUsPerRequest} µs/req sampled; ${s.queries.perRequest} database round trips per request.`, "");
    out.push("| category (self time) | µs/req | share |", "|---|---:|---:|");
    for (const c of p.selfByCategory.slice(0, 14)) out.push(`| ${c.category} | ${c.usPerRequest} | ${c.share}% |`);
    out.push("", "| category on the stack (inclusive) | µs/req | share |", "|---|---:|---:|");
    for (const c of p.inclusiveByCategory.slice(0, 10)) out.push(`| ${c.category} | ${c.usPerRequest} | ${c.share}% |`);
    out.push("", "| hottest functions (self) | category | µs/req | share |", "|---|---|---:|---:|");
    for (const f of p.topSelf.slice(0, 15)) out.push(`| \`${f.fn}\` | ${f.category} | ${f.usPerRequest} | ${f.share}% |`);
    out.push("", "| our functions (inclusive, synchronous parts) | µs/req | share |", "|---|---:|---:|");
    for (const f of p.topOurs.slice(0, 12)) out.push(`| \`${f.fn}\` | ${f.usPerRequest} | ${f.share}% |`);
    out.push("", "| statements per request | SQL |", "|---:|---|");
    for (const q of s.queries.perStatement.slice(0, 15)) out.push(`| ${q.perRequest} | \`${q.sql.replace(/\|/g, "\\|").slice(0, 220)}\` |`);
    out.push("");
  }
  return `${out.join("\n")}\n`;
}
