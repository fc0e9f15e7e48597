import type { Metadata } from "next";
import Link from "next/link";
import { buttonStyles } from "@/components/buttonStyles";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { PageHeader } from "@/components/PageHeader";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { auditFilterQuery, parseAuditFilter } from "@/lib/server/portal/auditFilter";
import { findAuditEvents } from "@/lib/server/portal/findAuditEvents";
import { listAuditFilterOptions } from "@/lib/server/portal/listAuditFilterOptions";
import { AuditEventTable } from "./AuditEventTable";
import { AuditFilterForm } from "./AuditFilterForm";

export const metadata: Metadata = { title: "Audit log" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const { org: slug } = await params;
  const { org } = await requireOrgPage(slug, `/orgs/${slug}/audit`, ADMIN_ROLES);
  const query = await searchParams;
  const { filter, page, errors } = parseAuditFilter(query);
  const [result, options] = await Promise.all([findAuditEvents(org.id, filter, page), listAuditFilterOptions(org.id)]);
  const base = `/orgs/${org.slug}/audit`;
  const values = Object.fromEntries(["kind", "actor", "client", "server", "from", "to"].map((k) => [k, typeof query[k] === "string" ? (query[k] as string) : undefined]));
  const pageHref = (n: number) => `${base}?${auditFilterQuery(query, { page: String(n) })}`;
  const filtered = Object.values(values).some(Boolean);

  return (
    <>
      <PageHeader title="Audit log" description="Who did what, when and from where: registrations, consents, tokens issued and refused, and every admin change. Times are UTC." />

      <Card className="mb-6">
        <AuditFilterForm base={base} values={values} errors={errors} options={options} exportHref={`${base}/export?${auditFilterQuery(query)}`} />
      </Card>

      <Card title={`${result.total} event${result.total === 1 ? "" : "s"}${filtered ? " match" : ""}`}>
        {result.events.length === 0 ? (
          <EmptyState title={filtered ? "No event matches this filter" : "Nothing recorded yet"}>
            {filtered ? "Widen the time range or clear the filter." : "Events appear as clients register, people consent and tokens are issued."}
          </EmptyState>
        ) : (
          <AuditEventTable events={result.events} serverNames={new Map(options.servers.map((s) => [s.id, s.name]))} />
        )}
        {result.pageCount > 1 && (
          <nav aria-label="Pages" className="mt-4 flex items-center justify-between gap-3 border-t border-slate-200 pt-4">
            {page > 1 ? (
              <Link href={pageHref(page - 1)} className={buttonStyles.secondary}>
                ← Newer
              </Link>
            ) : (
              <span />
            )}
            <p className="text-sm text-slate-600">
              Page {result.page} of {result.pageCount}
            </p>
            {page < result.pageCount ? (
              <Link href={pageHref(page + 1)} className={buttonStyles.secondary}>
                Older →
              </Link>
            ) : (
              <span />
            )}
          </nav>
        )}
      </Card>
    </>
  );
}
