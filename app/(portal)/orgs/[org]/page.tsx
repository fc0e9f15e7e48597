import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/Card";
import { CopyField } from "@/components/CopyField";
import { PageHeader } from "@/components/PageHeader";
import { RoleBadge } from "@/components/RoleBadge";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { isAdminRole } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { getGettingStarted } from "@/lib/server/portal/getGettingStarted";
import { getOrgCounts } from "@/lib/server/portal/getOrgCounts";
import { getTokenActivity } from "@/lib/server/portal/getTokenActivity";
import { listMyGrants } from "@/lib/server/portal/listMyGrants";
import { listRecentAuditEvents } from "@/lib/server/portal/listRecentAuditEvents";
import { orgUrls } from "@/lib/server/portal/orgUrls";
import { GettingStarted } from "./GettingStarted";
import { RecentActivity } from "./RecentActivity";
import { TokenActivityCard } from "./TokenActivityCard";

export const metadata: Metadata = { title: "Overview" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function Stat({ label, value, href, note }: { label: string; value: number; href?: string; note?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <dt className="text-sm text-slate-600">{label}</dt>
      <dd className="mt-1 text-2xl font-semibold text-slate-900">
        {href ? (
          <Link href={href} className="hover:text-indigo-700">
            {value}
          </Link>
        ) : (
          value
        )}
        {note && (
          <>
            <span className="sr-only"> issued,</span> <span className="ml-1 text-xs font-normal text-slate-600">{note}</span>
          </>
        )}
      </dd>
    </div>
  );
}

export default async function OrgOverviewPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const { org: slug } = await params;
  const { user, org, role } = await requireOrgPage(slug, `/orgs/${slug}`);
  const urls = orgUrls(getConfig().publicUrl, org.slug);
  const admin = isAdminRole(role);
  const base = `/orgs/${org.slug}`;
  const header = (
    <PageHeader
      title={org.name}
      description={
        <>
          <span className="font-mono">{org.slug}</span> · your role: <RoleBadge role={role} />
        </>
      }
    >
      {admin && (
        <Link href={`${base}/members`} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
          Invite people
        </Link>
      )}
    </PageHeader>
  );
  const connect = (
    <Card
      title="Connect an MCP client"
      description={
        admin
          ? "MCP clients discover Gatehouse from your MCP server's URL. These are the organization's authorization server and its built-in demo server."
          : "Point an MCP client at the demo server to try signing in with your account."
      }
      className="mt-6"
    >
      <div className="space-y-3">
        <CopyField label="Demo MCP server URL" value={urls.demoMcp} hint="Protected by Gatehouse; tools whoami, echo and admin_report." />
        <CopyField label="Issuer" value={urls.issuer} />
        <CopyField label="Authorization server metadata URL" value={urls.metadata} hint="RFC 8414 metadata that MCP clients read." />
      </div>
    </Card>
  );

  if (!admin) {
    const mine = await listMyGrants(org.id, user.id);
    return (
      <>
        {header}
        <Card title="Your connections">
          <p className="text-sm text-slate-700">
            {mine.length === 0
              ? "You have not connected any application yet."
              : `You have ${mine.length} connected application${mine.length === 1 ? "" : "s"}.`}{" "}
            <Link href={`${base}/connections`} className="font-medium text-indigo-700 underline hover:text-indigo-600">
              Open my connections
            </Link>
          </p>
        </Card>
        {connect}
        <p className="mt-6 text-sm text-slate-600">Servers, clients and members are managed by the organization&apos;s admins.</p>
      </>
    );
  }

  const range = (await searchParams).range === "7d" ? "7d" : "24h";
  const [counts, activity, checklist, recent] = await Promise.all([getOrgCounts(org.id), getTokenActivity(org.id), getGettingStarted(org.id), listRecentAuditEvents(org.id)]);

  return (
    <>
      {header}
      {/* The tokens tile carries its refused count in the same cell; the other tiles are plain numbers. */}
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-3 lg:grid-cols-5">
        <Stat label="MCP servers" value={counts.servers} />
        <Stat label="Clients" value={counts.clients} href={`${base}/clients`} />
        <Stat label="Active grants" value={counts.activeGrants} href={`${base}/grants`} />
        <Stat label="Tokens issued today" value={activity.issuedToday} note={`${activity.refusedToday} refused`} />
        <Stat label="Members" value={counts.members} href={`${base}/members`} />
      </dl>
      <GettingStarted org={org.slug} demoUrl={urls.demoMcp} state={checklist} />
      <TokenActivityCard org={org.slug} activity={activity} range={range} />
      <RecentActivity org={org.slug} events={recent} />
      {connect}
    </>
  );
}
