import { AUDIT_CSV_COLUMNS, auditEventCsvLine } from "@/lib/server/audit/auditEventsCsv";
import { findOrgAccess } from "@/lib/server/auth/findOrgAccess";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { auditWhere, parseAuditFilter } from "@/lib/server/portal/auditFilter";

const BATCH = 1000;
/** A ceiling so one click cannot stream the whole table: narrow the time range for more. */
const MAX_ROWS = 100_000;

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * GET /orgs/{org}/audit/export?{filter}: the audit log under the page's filter, as CSV. A route
 * handler is outside orgAction and requireOrgPage, so it checks the session and the admin role
 * itself. Streamed in keyset-paged batches (newest first), so memory stays flat.
 */
export async function GET(request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await getSessionUser();
  if (!user) return text("Sign in first.", 401);
  const access = await findOrgAccess(user, slug, ADMIN_ROLES);
  if (!access.ok) return access.reason === "role" ? text("You need the admin role to export the audit log.", 403) : text("Organization not found.", 404);

  const { filter } = parseAuditFilter(Object.fromEntries(new URL(request.url).searchParams));
  const where = auditWhere(access.org.id, filter);
  const { prisma } = await getDatabase();
  const encoder = new TextEncoder();
  let cursor: { id: string } | undefined;
  let sent = 0;

  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`${AUDIT_CSV_COLUMNS.join(",")}\r\n`));
    },
    async pull(controller) {
      const rows = await prisma.auditEvent.findMany({
        where,
        orderBy: [{ at: "desc" }, { id: "desc" }],
        take: Math.min(BATCH, MAX_ROWS - sent),
        ...(cursor ? { cursor, skip: 1 } : {}),
        omit: { orgId: true },
      });
      if (rows.length > 0) controller.enqueue(encoder.encode(rows.map(auditEventCsvLine).join("")));
      sent += rows.length;
      cursor = rows.length ? { id: rows[rows.length - 1]!.id } : cursor;
      if (rows.length < BATCH || sent >= MAX_ROWS) controller.close();
    },
  });

  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="audit-${access.org.slug}-${day}.csv"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
