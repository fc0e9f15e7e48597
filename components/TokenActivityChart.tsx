import { useId } from "react";

export interface ChartBucket {
  start: Date;
  issued: number;
  refused: number;
}

const W = 720;
const H = 220;
const PAD = { top: 12, right: 8, bottom: 28, left: 40 };
const hourFormat = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: "UTC" });
const dayFormat = new Intl.DateTimeFormat("en", { weekday: "short", day: "numeric", timeZone: "UTC" });

/** A round axis maximum (1, 2, 5 × 10ⁿ) at or above the largest value. */
function niceMax(value: number): number {
  if (value <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((m) => m * power).find((m) => m >= value)!;
}

interface TokenActivityChartProps {
  buckets: ChartBucket[];
  unit: "hour" | "day";
  /** What the chart covers, e.g. "the last 24 hours". */
  period: string;
}

/**
 * Tokens issued and refused per bucket as grouped bars in plain SVG. Screen readers get the title
 * and a one-sentence summary; everyone can open the same numbers as a table.
 */
export function TokenActivityChart({ buckets, unit, period }: TokenActivityChartProps) {
  const id = useId();
  const label = (d: Date) => (unit === "hour" ? hourFormat.format(d) : dayFormat.format(d));
  const issued = buckets.reduce((sum, b) => sum + b.issued, 0);
  const refused = buckets.reduce((sum, b) => sum + b.refused, 0);
  const max = niceMax(Math.max(...buckets.map((b) => Math.max(b.issued, b.refused))));
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const slot = plotW / buckets.length;
  const bar = Math.max(1, slot * 0.36);
  const y = (v: number) => PAD.top + plotH - (v / max) * plotH;
  const labelEvery = unit === "hour" ? 3 : 1;
  const busiest = buckets.reduce((a, b) => (b.issued > a.issued ? b : a), buckets[0]!);
  const summary =
    issued + refused === 0
      ? `No tokens were issued or refused in ${period}.`
      : `${issued} issued and ${refused} refused in ${period}; busiest ${unit} ${label(busiest.start)} UTC with ${busiest.issued} issued.`;

  return (
    <figure>
      <div className="mb-2 flex flex-wrap gap-4 text-xs text-slate-700" aria-hidden="true">
        <span className="flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm bg-indigo-600" /> Issued
        </span>
        <span className="flex items-center gap-1.5">
          <span className="h-2.5 w-2.5 rounded-sm bg-rose-600" /> Refused
        </span>
      </div>
      <svg viewBox={`0 0 ${W} ${H}`} className="h-auto w-full" role="img" aria-labelledby={`${id}-title`} aria-describedby={`${id}-desc`}>
        <title id={`${id}-title`}>{`Tokens issued and refused per ${unit}, ${period} (UTC)`}</title>
        <desc id={`${id}-desc`}>{summary}</desc>
        {(max % 2 === 0 ? [0, max / 2, max] : [0, max]).map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(tick)} y2={y(tick)} className="stroke-slate-200" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(tick) + 4} textAnchor="end" className="fill-slate-600 text-[11px]">
              {tick}
            </text>
          </g>
        ))}
        {buckets.map((b, i) => {
          const x = PAD.left + i * slot + (slot - 2 * bar) / 2;
          return (
            <g key={b.start.toISOString()}>
              <rect x={x} y={y(b.issued)} width={bar} height={y(0) - y(b.issued)} className="fill-indigo-600" rx={1} />
              <rect x={x + bar} y={y(b.refused)} width={bar} height={y(0) - y(b.refused)} className="fill-rose-600" rx={1} />
              {i % labelEvery === 0 && (
                <text x={PAD.left + i * slot + slot / 2} y={H - 8} textAnchor="middle" className="fill-slate-600 text-[11px]">
                  {label(b.start)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="mt-1 text-sm text-slate-600">{summary}</figcaption>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm font-medium text-indigo-700">Show the numbers</summary>
        <div className="mt-2 max-h-64 overflow-y-auto">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">{`Tokens per ${unit}, ${period}`}</caption>
            <thead className="text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="py-1 pr-4 font-medium">{unit === "hour" ? "Hour (UTC)" : "Day (UTC)"}</th>
                <th scope="col" className="py-1 pr-4 font-medium">Issued</th>
                <th scope="col" className="py-1 font-medium">Refused</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {buckets.map((b) => (
                <tr key={b.start.toISOString()}>
                  <th scope="row" className="py-1 pr-4 font-normal text-slate-700">{label(b.start)}</th>
                  <td className="py-1 pr-4 text-slate-900">{b.issued}</td>
                  <td className="py-1 text-slate-900">{b.refused}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
