import { OrgNav } from "@/components/OrgNav";
import { OrgSwitcher } from "@/components/OrgSwitcher";
import { PortalShell } from "@/components/PortalShell";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { listUserOrgs } from "@/lib/server/portal/listUserOrgs";
import { orgNavItems } from "./orgNavItems";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  // Signed out: each page sends the visitor to sign in with its own path as the way back, which
  // the layout cannot know.
  if (!(await getSessionUser())) return children;
  const { user, org, role } = await requireOrgPage(slug, `/orgs/${slug}`);
  const orgs = await listUserOrgs(user.id);
  const base = `/orgs/${org.slug}`;
  const links = orgNavItems
    .filter((item) => item.roles.includes(role))
    .map((item) => ({ href: item.path ? `${base}/${item.path}` : base, label: item.label }));

  return (
    <PortalShell
      email={user.email}
      sidebar={
        <div className="space-y-6">
          <OrgSwitcher current={{ slug: org.slug, name: org.name, role }} orgs={orgs} />
          <OrgNav links={links} overviewHref={base} />
        </div>
      }
    >
      {children}
    </PortalShell>
  );
}
