import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/Badge";
import { buttonStyles } from "@/components/buttonStyles";
import { Card } from "@/components/Card";
import { CopyBlock } from "@/components/CopyBlock";
import { CopyField } from "@/components/CopyField";
import { PageHeader } from "@/components/PageHeader";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { getServerOr404 } from "@/lib/server/portal/getServerOr404";
import { ServerForm } from "../ServerForm";
import { clientSnippets } from "./clientSnippets";
import { DeleteServerButton } from "./DeleteServerButton";
import { ScopeEditor } from "./ScopeEditor";
import { formatToolMap } from "./toolMapText";
import { ToolMapForm } from "./ToolMapForm";
import { updateServerAction } from "./updateServerAction";

export const metadata: Metadata = { title: "MCP server" };

export default async function ServerPage({ params }: { params: Promise<{ org: string; server: string }> }) {
  const { org: orgSlug, server: serverSlug } = await params;
  const { org } = await requireOrgPage(orgSlug, `/orgs/${orgSlug}/servers/${serverSlug}`, ADMIN_ROLES);
  const server = await getServerOr404(org.id, serverSlug);
  const url = server.urls.resource;
  const snippets = clientSnippets(server.slug, url);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${org.slug}/servers`} className="text-indigo-700 underline hover:text-indigo-600">
          ← MCP servers
        </Link>
      </p>
      <PageHeader
        title={server.name}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <span className="font-mono">{server.slug}</span>
            {server.mode === "gateway" ? <Badge tone="indigo">Gateway</Badge> : <Badge tone="sky">Hosted elsewhere</Badge>}
            {server.isDefault && <Badge tone="green">Default resource</Badge>}
          </span>
        }
      >
        <Link href={`/orgs/${org.slug}/servers/${server.slug}/challenge`} className={buttonStyles.secondary}>
          Test the challenge
        </Link>
        <Link href={`/orgs/${org.slug}/servers/${server.slug}/flow`} className={buttonStyles.primary}>
          Test the full flow
        </Link>
      </PageHeader>

      <Card title="Discovery" description="What clients are given and what they find by themselves.">
        <div className="space-y-1">
          <CopyField label="Resource identifier" value={url} hint="The URL clients connect to; tokens for this server carry it as audience (aud)." />
          {server.urls.resourceMetadataUrls.map((metadataUrl, index) => (
            <CopyField key={metadataUrl} label={index === 0 ? "Resource metadata URL" : `Resource metadata URL (alternative ${index})`} value={metadataUrl} hint={index === 0 ? "RFC 9728: named by the 401 challenge." : undefined} />
          ))}
          <CopyField label="Authorization server metadata URL" value={server.urls.authorizationServerMetadataUrl} hint="RFC 8414, path-insertion form." />
          <CopyField label="Issuer" value={server.urls.issuer} />
          <CopyField label="Challenge URL" value={server.urls.challengeUrl} hint="Answers as the resource answers a request without a token." />
        </div>
      </Card>

      <Card title="Connect a client" className="mt-6">
        <div className="space-y-4">
          <CopyBlock label="Claude Desktop" value={snippets.claudeDesktop} hint="In claude_desktop_config.json (Settings → Developer → Edit Config)." />
          <CopyBlock label="Claude Code" value={snippets.claudeCode} />
          <CopyBlock label="Cursor" value={snippets.cursor} hint="In .cursor/mcp.json." />
          <CopyBlock label="VS Code" value={snippets.vscode} hint="In .vscode/mcp.json." />
          <CopyBlock
            label="MCP Inspector"
            value={snippets.inspector}
            hint={
              <>
                Run it, choose the transport <strong>Streamable HTTP</strong>, and enter <span className="break-all font-mono">{url}</span>.
              </>
            }
          />
        </div>
      </Card>

      <Card title="Scopes" description="What a token for this server may carry. The default scopes are named in the challenge." className="mt-6">
        <ScopeEditor org={org.slug} server={server.slug} scopes={server.scopes} />
      </Card>

      <Card title="Tools and their scopes" description="The gateway checks each tools/call against this map." className="mt-6">
        <ToolMapForm org={org.slug} server={server.slug} text={formatToolMap(server.toolScopes)} scopeNames={server.scopes.map((s) => s.name)} canReadTools={server.mode === "gateway"} />
      </Card>

      <Card title="Settings" className="mt-6">
        <ServerForm
          org={org.slug}
          origin={getConfig().publicUrl}
          action={updateServerAction}
          server={{
            slug: server.slug,
            name: server.name,
            mode: server.mode,
            resourceUri: server.resourceUri,
            upstreamUrl: server.upstreamUrl,
            hasUpstreamCredential: server.hasUpstreamCredential,
            isDefault: server.isDefault,
          }}
          submitLabel="Save changes"
          pendingLabel="Saving…"
        />
      </Card>

      <Card title="Delete" description="Removes the server and its scopes." className="mt-6">
        <DeleteServerButton org={org.slug} server={server.slug} name={server.name} />
      </Card>
    </>
  );
}
