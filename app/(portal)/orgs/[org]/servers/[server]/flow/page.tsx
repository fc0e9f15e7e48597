import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/Badge";
import { buttonStyles } from "@/components/buttonStyles";
import { PageHeader } from "@/components/PageHeader";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { getServerOr404 } from "@/lib/server/portal/getServerOr404";
import { FlowTester } from "./FlowTester";

export const metadata: Metadata = { title: "Flow tester" };
export const dynamic = "force-dynamic";

/**
 * Runs the whole flow of an MCP client from the admin's browser (FlowTester): the server only
 * hands over what the page needs to know; every request goes from the browser, as a client's would.
 */
export default async function FlowTesterPage({ params }: { params: Promise<{ org: string; server: string }> }) {
  const { org: orgSlug, server: serverSlug } = await params;
  const { org } = await requireOrgPage(orgSlug, `/orgs/${orgSlug}/servers/${serverSlug}/flow`, ADMIN_ROLES);
  const server = await getServerOr404(org.id, serverSlug);
  const scopes = server.scopes.filter((scope) => scope.isDefault).map((scope) => scope.name);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${org.slug}/servers/${server.slug}`} className="text-indigo-700 underline hover:text-indigo-600">
          ← {server.name}
        </Link>
      </p>
      <PageHeader
        title="Flow tester"
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span>Everything an MCP client does to call {server.name}, from this browser, one request at a time.</span>
            {server.mode === "gateway" ? <Badge tone="indigo">Gateway</Badge> : <Badge tone="sky">Hosted elsewhere</Badge>}
          </span>
        }
      >
        <Link href={`/orgs/${org.slug}/servers/${server.slug}/challenge`} className={buttonStyles.secondary}>
          Test the challenge
        </Link>
      </PageHeader>
      <FlowTester
        publicOrigin={new URL(getConfig().publicUrl).origin}
        callbackPath={`/orgs/${org.slug}/flow-tester/callback`}
        clientsHref={`/orgs/${org.slug}/clients`}
        settingsHref={`/orgs/${org.slug}/settings`}
        server={{ name: server.name, resource: server.urls.resource, gatewayUrl: server.urls.gatewayUrl, challengeUrl: server.urls.challengeUrl, scopes }}
      />
    </>
  );
}
