import type { Prisma } from "@/generated/prisma/client";

/** The audit log's filter, as the page's GET form and the CSV export both read it. */
export interface AuditFilter {
  kind?: string;
  /** Part of the actor's label (an email, a client name), or the actor's exact id. */
  actor?: string;
  /** An OAuth client_id, exactly. */
  client?: string;
  /** An MCP server's storage id. */
  server?: string;
  from?: Date;
  to?: Date;
}

type Params = Record<string, string | string[] | undefined>;

const FIELDS = ["kind", "actor", "client", "server", "from", "to"] as const;
const MINUTE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;

function first(value: string | string[] | undefined): string | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 200);
  return text ? text : undefined;
}

/**
 * A time from the form, in UTC like every time the portal shows. A datetime-local value names a
 * minute: as `to` it covers that whole minute.
 */
function parseTime(text: string | undefined, end: boolean): Date | null | undefined {
  if (!text) return undefined;
  const minute = MINUTE.test(text);
  const date = new Date(minute ? `${text}Z` : text);
  if (Number.isNaN(date.getTime())) return null;
  return minute && end ? new Date(date.getTime() + 60_000 - 1) : date;
}

/** Reads the filter from the query; an unreadable time is dropped and reported by field. */
export function parseAuditFilter(params: Params): { filter: AuditFilter; page: number; errors: Record<string, string> } {
  const errors: Record<string, string> = {};
  const filter: AuditFilter = { kind: first(params.kind), actor: first(params.actor), client: first(params.client), server: first(params.server) };
  for (const field of ["from", "to"] as const) {
    const time = parseTime(first(params[field]), field === "to");
    if (time === null) errors[field] = "Enter a date and time, such as 2025-01-31T14:00";
    else if (time) filter[field] = time;
  }
  if (filter.from && filter.to && filter.from > filter.to) errors.to = "Choose a time after the start";
  const page = Math.min(Math.max(Number.parseInt(first(params.page) ?? "1", 10) || 1, 1), 10_000);
  return { filter, page, errors };
}

/** The filter as query parameters, for pagination links and the CSV export. */
export function auditFilterQuery(params: Params, extra: Record<string, string> = {}): string {
  const query = new URLSearchParams();
  for (const field of FIELDS) {
    const value = first(params[field]);
    if (value) query.set(field, value);
  }
  for (const [name, value] of Object.entries(extra)) query.set(name, value);
  return query.toString();
}

/** The Prisma condition of a filter, always within the one org. */
export function auditWhere(orgId: string, filter: AuditFilter): Prisma.AuditEventWhereInput {
  return {
    orgId,
    kind: filter.kind,
    clientId: filter.client,
    serverId: filter.server,
    ...(filter.actor ? { OR: [{ actorLabel: { contains: filter.actor, mode: "insensitive" } }, { actorId: filter.actor }] } : {}),
    ...(filter.from || filter.to ? { at: { gte: filter.from, lte: filter.to } } : {}),
  };
}
