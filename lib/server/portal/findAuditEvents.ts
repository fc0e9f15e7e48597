import type { AuditEvent } from "@/generated/prisma/client";
import { getDatabase } from "../db/getDatabase";
import { type AuditFilter, auditWhere } from "./auditFilter";

export const AUDIT_PAGE_SIZE = 50;

export type AuditEventRow = Omit<AuditEvent, "orgId">;

/** One page of the org's audit log, newest first, with the total for the pager. */
export async function findAuditEvents(orgId: string, filter: AuditFilter, page = 1, pageSize = AUDIT_PAGE_SIZE) {
  const { prisma } = await getDatabase();
  const where = auditWhere(orgId, filter);
  const [events, total] = await Promise.all([
    prisma.auditEvent.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], skip: (page - 1) * pageSize, take: pageSize, omit: { orgId: true } }),
    prisma.auditEvent.count({ where }),
  ]);
  return { events: events as AuditEventRow[], total, page, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}
