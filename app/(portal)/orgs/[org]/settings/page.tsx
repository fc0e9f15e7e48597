import type { Metadata } from "next";
import { Card } from "@/components/Card";
import { PageHeader } from "@/components/PageHeader";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getOrgSettings } from "@/lib/server/portal/getOrgSettings";
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
    </>
  );
}
