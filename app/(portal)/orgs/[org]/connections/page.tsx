import type { Metadata } from "next";
import { Card } from "@/components/Card";
import { ConfirmAction } from "@/components/ConfirmAction";
import { CopyField } from "@/components/CopyField";
import { cell, DataTable } from "@/components/DataTable";
import { DateTime } from "@/components/DateTime";
import { EmptyState } from "@/components/EmptyState";
import { PageHeader } from "@/components/PageHeader";
import { ScopeList } from "@/components/ScopeList";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ANY_ROLE } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { listMyGrants } from "@/lib/server/portal/listMyGrants";
import { orgUrls } from "@/lib/server/portal/orgUrls";
import { revokeMyGrantAction } from "./revokeMyGrantAction";

export const metadata: Metadata = { title: "My connections" };

export default async function MyConnectionsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { user, org } = await requireOrgPage(slug, `/orgs/${slug}/connections`, ANY_ROLE);
  const grants = await listMyGrants(org.id, user.id);

  return (
    <>
      <PageHeader
        title="My connections"
        description={`The applications you allowed to use ${org.name}'s MCP servers as you. Revoke one and its tokens stop working at once; it will have to ask you again.`}
      />
      <Card title={`Your connections (${grants.length})`}>
        {grants.length === 0 ? (
          <div className="space-y-4">
            <EmptyState title="You have not connected any application yet">
              Add this MCP server to Claude, Cursor, VS Code or another MCP client; it will ask you to sign in and approve it here.
            </EmptyState>
            <CopyField label="Demo MCP server URL" value={orgUrls(getConfig().publicUrl, org.slug).demoMcp} />
          </div>
        ) : (
          <DataTable caption="Your connections" columns={["Application", "MCP server", "Scopes", "Approved", "Actions"]}>
            {grants.map((grant) => {
              const name = grant.client.name ?? grant.client.clientId;
              return (
                <tr key={grant.id}>
                  <td className={cell.first}>
                    <span className="block font-medium text-slate-900">{name}</span>
                    <span className="block max-w-56 truncate font-mono text-xs text-slate-600" title={grant.client.clientId}>
                      {grant.client.clientId}
                    </span>
                  </td>
                  <td className={cell.middle}>
                    <span className="block whitespace-nowrap text-slate-900">{grant.server?.name ?? "deleted server"}</span>
                    <span className="block max-w-48 truncate font-mono text-xs text-slate-600" title={grant.resource}>
                      {grant.resource.replace(/^https?:\/\/[^/]+/, "")}
                    </span>
                  </td>
                  <td className={cell.middle}>
                    <ScopeList scopes={grant.scopes} />
                  </td>
                  <td className={`${cell.middle} whitespace-nowrap text-slate-700`}>
                    <DateTime value={grant.createdAt} />
                    {grant.updatedAt.getTime() !== grant.createdAt.getTime() && (
                      <span className="block text-xs text-slate-600">
                        updated <DateTime value={grant.updatedAt} />
                      </span>
                    )}
                  </td>
                  <td className={cell.last}>
                    <ConfirmAction
                      action={revokeMyGrantAction}
                      fields={{ org: org.slug, grantId: grant.id }}
                      label="Revoke"
                      labelFor={`Revoke ${name}`}
                      question={`Revoke ${name}'s access? It stops working now and must ask you again.`}
                      confirmLabel="Yes, revoke"
                      pendingLabel="Revoking…"
                    />
                  </td>
                </tr>
              );
            })}
          </DataTable>
        )}
      </Card>
    </>
  );
}
