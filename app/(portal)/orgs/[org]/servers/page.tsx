import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/Badge";
import { Card } from "@/components/Card";
import { cell, DataTable } from "@/components/DataTable";
import { EmptyState } from "@/components/EmptyState";
import { PageHeader } from "@/components/PageHeader";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { serverReadContext } from "@/lib/server/portal/serverActionContext";
import { listServers } from "@/lib/server/servers/listServers";
import { createServerAction } from "./createServerAction";
import { ServerForm } from "./ServerForm";

export const metadata: Metadata = { title: "MCP servers" };

export default async function ServersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org } = await requireOrgPage(slug, `/orgs/${slug}/servers`, ADMIN_ROLES);
  const servers = await listServers(await serverReadContext(), org.id);

  return (
    <>
      <PageHeader title="MCP servers" description="The protected resources of this organization: each has its scopes, the scopes its tools need, and the URLs clients discover it by." />

      <Card title={`Servers (${servers.length})`}>
        {servers.length === 0 ? (
          <EmptyState title="No MCP servers yet">Add one below: behind the gateway (Gatehouse checks tokens and forwards) or hosted elsewhere.</EmptyState>
        ) : (
          <DataTable caption="MCP servers" columns={["Name", "Slug", "Mode", "Resource URI", "Scopes", "Tools mapped"]}>
            {servers.map((server) => (
              <tr key={server.id}>
                <td className={cell.first}>
                  <Link href={`/orgs/${org.slug}/servers/${server.slug}`} className="font-medium text-indigo-700 underline hover:text-indigo-600">
                    {server.name}
                  </Link>
                  {server.isDefault && (
                    <span className="ml-2">
                      <Badge tone="green">Default</Badge>
                    </span>
                  )}
                </td>
                <td className={`${cell.middle} font-mono text-xs`}>{server.slug}</td>
                <td className={cell.middle}>
                  {server.mode === "gateway" ? <Badge tone="indigo">{server.upstreamUrl ? "Gateway" : "Gateway (demo)"}</Badge> : <Badge tone="sky">Hosted elsewhere</Badge>}
                </td>
                <td className={`${cell.middle} break-all font-mono text-xs`}>{server.urls.resource}</td>
                <td className={cell.middle}>{server.scopes.length}</td>
                <td className={cell.last}>{Object.keys(server.toolScopes).length}</td>
              </tr>
            ))}
          </DataTable>
        )}
      </Card>

      <Card title="Add an MCP server" className="mt-6">
        <ServerForm org={org.slug} origin={getConfig().publicUrl} action={createServerAction} submitLabel="Add server" pendingLabel="Adding…" />
      </Card>
    </>
  );
}
