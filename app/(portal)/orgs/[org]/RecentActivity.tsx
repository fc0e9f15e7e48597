import Link from "next/link";
import { Card } from "@/components/Card";
import { DateTime } from "@/components/DateTime";
import { EmptyState } from "@/components/EmptyState";

interface RecentEvent {
  id: string;
  at: Date;
  kind: string;
  actorType: string;
  actorLabel: string | null;
  actorId: string | null;
  clientId: string | null;
}

/** The org's last audit events, with the way to the full, filterable log. */
export function RecentActivity({ org, events }: { org: string; events: RecentEvent[] }) {
  return (
    <Card title="Recent activity" className="mt-6">
      {events.length === 0 ? (
        <EmptyState title="Nothing has happened yet">Events appear as clients register and tokens are issued.</EmptyState>
      ) : (
        <ul aria-label="Recent audit events" className="divide-y divide-slate-100">
          {events.map((e) => (
            <li key={e.id} className="flex flex-col gap-0.5 py-2 sm:flex-row sm:items-baseline sm:gap-4">
              <span className="shrink-0 text-xs text-slate-600 sm:w-44">
                <DateTime value={e.at} />
              </span>
              <span className="shrink-0 font-mono text-xs text-slate-900 sm:w-44">{e.kind}</span>
              <span className="min-w-0 truncate text-sm text-slate-700">
                {e.actorLabel ?? e.actorId ?? e.actorType}
                {e.clientId && e.clientId !== e.actorId && <span className="text-slate-600"> · {e.clientId}</span>}
              </span>
            </li>
          ))}
        </ul>
      )}
      <Link href={`/orgs/${org}/audit`} className="mt-3 inline-block text-sm font-medium text-indigo-700 underline hover:text-indigo-600">
        Open the audit log
      </Link>
    </Card>
  );
}
