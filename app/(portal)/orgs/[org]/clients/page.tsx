import type { Metadata } from "next";
import { Card } from "@/components/Card";
import { EmptyState } from "@/components/EmptyState";
import { PageHeader } from "@/components/PageHeader";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { listClients } from "@/lib/server/portal/listClients";
import { orgUrls } from "@/lib/server/portal/orgUrls";
import { ClientItem } from "./ClientItem";
import { CreateClientForm } from "./CreateClientForm";

export const metadata: Metadata = { title: "Clients" };

export default async function ClientsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org } = await requireOrgPage(slug, `/orgs/${slug}/clients`, ADMIN_ROLES);
  const clients = await listClients(org.id);
  const urls = orgUrls(getConfig().publicUrl, org.slug);

  return (
    <>
      <PageHeader
        title="Clients"
        description="Applications that get tokens from this organization: MCP clients register themselves (DCR or a metadata document); services and resource servers are created here."
      />

      <Card title={`Registered clients (${clients.length})`}>
        {clients.length === 0 ? (
          <EmptyState title="No clients yet">
            Connect an MCP client to <span className="break-all font-mono">{urls.demoMcp}</span>: it registers itself the first time. For a
            service or a resource server, create a confidential client below.
          </EmptyState>
        ) : (
          <ul aria-label="Clients" className="divide-y divide-slate-200">
            {clients.map((client) => (
              <ClientItem key={client.id} org={org.slug} client={client} />
            ))}
          </ul>
        )}
      </Card>

      <Card
        title="Create a confidential client"
        description="For a backend service (client credentials), a server-side web app, or an MCP server hosted elsewhere that introspects tokens. It authenticates with a secret."
        className="mt-6"
      >
        <CreateClientForm org={org.slug} tokenEndpoint={`${urls.issuer}/api/v1/oauth/token`} />
      </Card>
    </>
  );
}
