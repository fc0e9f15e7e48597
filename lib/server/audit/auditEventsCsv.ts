import type { AuditEvent } from "@/generated/prisma/client";

export const AUDIT_CSV_COLUMNS = ["at", "kind", "actor_type", "actor_id", "actor_label", "client_id", "server_id", "target_type", "target_id", "ip", "user_agent", "details"] as const;

/**
 * One CSV cell (RFC 4180): quoted when it holds a comma, quote or line break. A cell a spreadsheet
 * would run as a formula (starting with = + - @, or a tab or carriage return that hides one) gets a
 * leading apostrophe: audit rows carry client names and user agents that anyone can choose.
 */
export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : typeof value === "string" ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** One audit event as a CSV line, in AUDIT_CSV_COLUMNS order, ending in CRLF. */
export function auditEventCsvLine(event: Omit<AuditEvent, "orgId">): string {
  const cells = [event.at, event.kind, event.actorType, event.actorId, event.actorLabel, event.clientId, event.serverId, event.targetType, event.targetId, event.ip, event.userAgent, event.details];
  return `${cells.map(csvCell).join(",")}\r\n`;
}
