import Link from "next/link";
import { Card } from "@/components/Card";
import { TokenActivityChart } from "@/components/TokenActivityChart";
import type { TokenActivity } from "@/lib/server/portal/getTokenActivity";

const RANGES = [
  { key: "24h", label: "24 hours" },
  { key: "7d", label: "7 days" },
] as const;

/** Tokens issued and refused, by hour over a day or by day over a week; the range is a link, so no script is needed. */
export function TokenActivityCard({ org, activity, range }: { org: string; activity: TokenActivity; range: "24h" | "7d" }) {
  return (
    <Card title="Token activity" className="mt-6">
      <nav aria-label="Time range" className="mb-4 inline-flex rounded-md border border-slate-300 p-0.5">
        {RANGES.map((r) => (
          <Link
            key={r.key}
            href={r.key === "24h" ? `/orgs/${org}` : `/orgs/${org}?range=${r.key}`}
            aria-current={range === r.key ? "page" : undefined}
            scroll={false}
            className={`rounded px-3 py-1 text-sm font-medium ${range === r.key ? "bg-indigo-600 text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {r.label}
          </Link>
        ))}
      </nav>
      {range === "24h" ? (
        <TokenActivityChart buckets={activity.hourly} unit="hour" period="the last 24 hours" />
      ) : (
        <TokenActivityChart buckets={activity.daily} unit="day" period="the last 7 days" />
      )}
    </Card>
  );
}
