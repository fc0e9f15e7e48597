import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Card } from "@/components/Card";
import { PageHeader } from "@/components/PageHeader";
import { PortalShell } from "@/components/PortalShell";
import { RoleBadge } from "@/components/RoleBadge";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { getConfig } from "@/lib/server/config/getConfig";
import { listUserOrgs } from "@/lib/server/portal/listUserOrgs";
import { NewOrgForm } from "./NewOrgForm";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrgPage() {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent("/orgs/new")}`);
  const orgs = await listUserOrgs(user.id);

  return (
    <PortalShell email={user.email}>
      <div className="mx-auto max-w-xl">
        <PageHeader
          title="New organization"
          description="An organization has its own issuer, MCP servers, clients and members. You will be its owner."
        />
        <Card>
          <NewOrgForm publicUrl={getConfig().publicUrl} />
        </Card>
        {orgs.length > 0 && (
          <Card title="Your organizations" className="mt-6">
            <ul className="divide-y divide-slate-200">
              {orgs.map((org) => (
                <li key={org.slug} className="flex items-center justify-between gap-3 py-2">
                  <Link href={`/orgs/${org.slug}`} className="truncate text-sm font-medium text-indigo-700 underline hover:text-indigo-600">
                    {org.name}
                  </Link>
                  <RoleBadge role={org.role} />
                </li>
              ))}
            </ul>
          </Card>
        )}
      </div>
    </PortalShell>
  );
}
