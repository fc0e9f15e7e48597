import type { Metadata } from "next";
import { buttonStyles } from "@/components/buttonStyles";
import { Card } from "@/components/Card";
import { PageHeader } from "@/components/PageHeader";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getOrgSettings } from "@/lib/server/portal/getOrgSettings";
import { ImportConfigForm } from "./ImportConfigForm";
import { SettingsForm } from "./SettingsForm";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org } = await requireOrgPage(slug, `/orgs/${slug}/settings`, ADMIN_ROLES);
  const { settings, servers } = await getOrgSettings(org.id);

  return (
    <>
      <PageHeader title="Settings" description={`How ${org.name}'s authorization server treats clients, people and tokens.`} />
      <Card>
        <SettingsForm org={org.slug} settings={settings} servers={servers} />
      </Card>
      <Card
        title="Configuration as code"
        description="The organization's settings, MCP servers (with scopes and tool maps) and admin-created clients as one JSON file, as npx gatehouse export writes it. No secret appears in clear."
        className="mt-6"
      >
        <div className="space-y-6">
          <a href={`/orgs/${org.slug}/settings/export`} download className={buttonStyles.secondary}>
            Export configuration
          </a>
          <ImportConfigForm org={org.slug} />
        </div>
      </Card>
    </>
  );
}
