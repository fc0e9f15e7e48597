import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/Card";
import { CopyField } from "@/components/CopyField";
import { PageHeader } from "@/components/PageHeader";
import { RoleBadge } from "@/components/RoleBadge";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { isAdminRole } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { getOrgCounts } from "@/lib/server/portal/getOrgCounts";
import { orgUrls } from "@/lib/server/portal/orgUrls";

export const metadata: Metadata = { title: "Overview" };

export default async function OrgOverviewPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org, role } = await requireOrgPage(slug, `/orgs/${slug}`);
  const urls = orgUrls(getConfig().publicUrl, org.slug);
  const counts = await getOrgCounts(org.id);
  const admin = isAdminRole(role);

  const stats = [
    { label: "MCP servers", value: counts.servers },
    { label: "Clients", value: counts.clients },
    { label: "Active grants", value: counts.activeGrants },
    { label: "Members", value: counts.members, href: admin ? `/orgs/${org.slug}/members` : undefined },
  ];

  return (
    <>
      <PageHeader
        title={org.name}
        description={
          <>
            <span className="font-mono">{org.slug}</span> · your role: <RoleBadge role={role} />
          </>
        }
      >
        {admin && (
          <Link href={`/orgs/${org.slug}/members`} className="rounded-md bg-indigo-600 px-3 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
            Invite people
          </Link>
        )}
      </PageHeader>

      <dl className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {stats.map((stat) => (
          <div key={stat.label} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <dt className="text-sm text-slate-600">{stat.label}</dt>
            <dd className="mt-1 text-2xl font-semibold text-slate-900">
              {stat.href ? (
                <Link href={stat.href} className="hover:text-indigo-700">
                  {stat.value}
                </Link>
              ) : (
                stat.value
              )}
            </dd>
          </div>
        ))}
      </dl>

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

      {!admin && (
        <p className="mt-6 text-sm text-slate-600">
          Servers, clients and members are managed by the organization&apos;s admins.
        </p>
      )}
    </>
  );
}
