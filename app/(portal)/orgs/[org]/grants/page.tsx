import type { Metadata } from "next";
import { Card } from "@/components/Card";
import { ConfirmAction } from "@/components/ConfirmAction";
import { cell, DataTable } from "@/components/DataTable";
import { DateTime } from "@/components/DateTime";
import { EmptyState } from "@/components/EmptyState";
import { PageHeader } from "@/components/PageHeader";
import { ScopeList } from "@/components/ScopeList";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { GRANT_LIST_LIMIT, listActiveGrants, type GrantFilter } from "@/lib/server/portal/listActiveGrants";
import { listGrantFilterOptions } from "@/lib/server/portal/listGrantFilterOptions";
import { GrantFilters } from "./GrantFilters";
import { revokeClientGrantsAction } from "./revokeClientGrantsAction";
import { revokeGrantAction } from "./revokeGrantAction";

export const metadata: Metadata = { title: "Grants and tokens" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const one = (value: string | string[] | undefined) => (typeof value === "string" && value.length > 0 && value.length <= 64 ? value : undefined);

export default async function GrantsPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const { org: slug } = await params;
  const { org } = await requireOrgPage(slug, `/orgs/${slug}/grants`, ADMIN_ROLES);
  const query = await searchParams;
  const filter: GrantFilter = { clientRowId: one(query.client), userId: one(query.user), serverId: one(query.server) };
  const [grants, options] = await Promise.all([listActiveGrants(org.id, filter), listGrantFilterOptions(org.id)]);
  const filteredClient = filter.clientRowId ? options.clients.find((c) => c.id === filter.clientRowId) : undefined;
  const filtered = Boolean(filter.clientRowId || filter.userId || filter.serverId);

  return (
    <>
      <PageHeader
        title="Grants and tokens"
        description="Each grant lets one client get tokens for one person (or for itself, with client credentials) on one MCP server. Revoking it ends its refresh tokens at once, and its access tokens fail introspection and the gateway."
      />

      <Card className="mb-6">
        <GrantFilters base={`/orgs/${org.slug}/grants`} filter={filter} options={options} />
      </Card>

      {filteredClient && grants.length > 0 && (
        <Card title={`All grants of ${filteredClient.name ?? filteredClient.clientId}`} className="mb-6">
          <ConfirmAction
            action={revokeClientGrantsAction}
            fields={{ org: org.slug, clientRowId: filteredClient.id }}
            label="Revoke all grants of this client"
            question={`Revoke every active grant of ${filteredClient.name ?? filteredClient.clientId}, for every person and server? Its tokens stop working now; people must approve it again to reconnect.`}
            confirmLabel="Yes, revoke all"
            pendingLabel="Revoking…"
          />
        </Card>
      )}

      <Card title={`Active grants (${grants.length}${grants.length === GRANT_LIST_LIMIT ? "+" : ""})`}>
        {grants.length === 0 ? (
          <EmptyState title={filtered ? "No active grant matches this filter" : "No active grants"}>
            {filtered
              ? "Clear the filter to see every grant."
              : "A grant appears when someone approves an MCP client on the consent screen, or when a confidential client uses client credentials."}
          </EmptyState>
        ) : (
          <DataTable caption="Active grants" columns={["User", "Client", "MCP server", "Scopes", "Refresh tokens", "Created", "Actions"]}>
            {grants.map((grant) => {
              const clientName = grant.client.name ?? grant.client.clientId;
              const who = grant.user?.email ?? "client credentials";
              return (
                <tr key={grant.id}>
                  <td className={`${cell.first} font-medium text-slate-900`}>{grant.user ? grant.user.email : <span className="text-slate-600">Client itself</span>}</td>
                  <td className={cell.middle}>
                    <span className="block text-slate-900">{clientName}</span>
                    <span className="block max-w-56 truncate font-mono text-xs text-slate-600" title={grant.client.clientId}>
                      {grant.client.clientId}
                    </span>
                  </td>
                  <td className={cell.middle}>
                    {grant.server ? <span className="whitespace-nowrap text-slate-900">{grant.server.name}</span> : <span className="text-slate-600">deleted server</span>}
                    <span className="block max-w-48 truncate font-mono text-xs text-slate-600" title={grant.resource}>
                      {grant.resource.replace(/^https?:\/\/[^/]+/, "")}
                    </span>
                  </td>
                  <td className={cell.middle}>
                    <ScopeList scopes={grant.scopes} />
                  </td>
                  <td className={`${cell.middle} text-slate-800`}>{grant.liveRefreshTokens}</td>
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
                      action={revokeGrantAction}
                      fields={{ org: org.slug, grantId: grant.id }}
                      label="Revoke"
                      labelFor={`Revoke the grant of ${clientName} for ${who}`}
                      question={`Revoke ${clientName}'s access for ${who}? Its tokens stop working now.`}
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
