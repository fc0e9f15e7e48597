import { cell, DataTable } from "@/components/DataTable";
import { DateTime } from "@/components/DateTime";
import type { AuditEventRow } from "@/lib/server/portal/findAuditEvents";

const muted = <span className="text-slate-500">—</span>;

/** One page of audit events; details are folded away, one click from each row. */
export function AuditEventTable({ events, serverNames }: { events: AuditEventRow[]; serverNames: Map<string, string> }) {
  return (
    <DataTable caption="Audit events" columns={["Time", "Kind", "Actor", "Client", "Server", "Details"]}>
      {events.map((event) => {
        const details = JSON.stringify(event.details);
        return (
          <tr key={event.id}>
            <td className={`${cell.first} whitespace-nowrap text-slate-700`}>
              <DateTime value={event.at} />
            </td>
            <td className={`${cell.middle} whitespace-nowrap font-mono text-xs text-slate-900`}>{event.kind}</td>
            <td className={cell.middle}>
              <span className="block max-w-56 truncate text-slate-900" title={event.actorId ?? undefined}>
                {event.actorLabel ?? event.actorId ?? event.actorType}
              </span>
              <span className="block text-xs text-slate-600">{event.actorType}</span>
            </td>
            <td className={cell.middle}>
              {event.clientId ? (
                <span className="block max-w-48 truncate font-mono text-xs" title={event.clientId}>
                  {event.clientId}
                </span>
              ) : (
                muted
              )}
            </td>
            <td className={cell.middle}>{event.serverId ? (serverNames.get(event.serverId) ?? <span className="font-mono text-xs">{event.serverId.slice(0, 8)}</span>) : muted}</td>
            <td className={cell.last}>
              {details === "{}" && !event.ip ? (
                muted
              ) : (
                <details>
                  <summary className="cursor-pointer text-xs font-medium text-indigo-700">Show</summary>
                  <pre className="mt-1 max-w-md overflow-x-auto whitespace-pre-wrap break-all rounded bg-slate-50 p-2 text-xs text-slate-800">
                    {JSON.stringify({ ...(event.details as object), ...(event.targetType ? { target: `${event.targetType}:${event.targetId}` } : {}), ...(event.ip ? { ip: event.ip } : {}), ...(event.userAgent ? { userAgent: event.userAgent } : {}) }, null, 2)}
                  </pre>
                </details>
              )}
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
