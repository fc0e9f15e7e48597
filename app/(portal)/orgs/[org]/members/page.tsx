import type { Metadata } from "next";
import type { Role } from "@/generated/prisma/client";
import { Card } from "@/components/Card";
import { ConfirmAction } from "@/components/ConfirmAction";
import { DateTime } from "@/components/DateTime";
import { PageHeader } from "@/components/PageHeader";
import { RoleBadge } from "@/components/RoleBadge";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { invitableRoles } from "@/lib/server/invites/invitableRoles";
import { listMembers } from "@/lib/server/portal/listMembers";
import { listPendingInvites } from "@/lib/server/portal/listPendingInvites";
import { InviteForm } from "./InviteForm";
import { MemberRoleForm } from "./MemberRoleForm";
import { removeMemberAction } from "./removeMemberAction";

export const metadata: Metadata = { title: "Members" };

export default async function MembersPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { user, org, role } = await requireOrgPage(slug, `/orgs/${slug}/members`, ADMIN_ROLES);
  const [members, invites] = await Promise.all([listMembers(org.id), listPendingInvites(org.id)]);
  const owners = members.filter((m) => m.role === "owner").length;
  // What this person may change; the use cases check the same rules again on the server.
  const assignable = invitableRoles(role);
  const mayChange = (target: Role) => role === "owner" || target !== "owner";

  return (
    <>
      <PageHeader title="Members" description={`People who can sign in to ${org.name}, and invitations that have not been used yet.`} />

      <Card title="Invite someone" description="Creates a single-use link valid for 7 days. Send it yourself: Gatehouse sends no email.">
        <InviteForm org={org.slug} roles={invitableRoles(role)} />
      </Card>

      <Card title="Members" description={`Owners and admins manage ${org.name}; members can only connect applications. Only owners grant or take away the owner role, and there is always at least one owner.`} className="mt-6">
        <div className="-mx-5 overflow-x-auto sm:-mx-6">
          <table className="min-w-full text-left text-sm">
            <caption className="sr-only">Members of {org.name}</caption>
            <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
              <tr>
                <th scope="col" className="px-5 py-2 font-medium sm:px-6">Email</th>
                <th scope="col" className="px-3 py-2 font-medium">Name</th>
                <th scope="col" className="px-3 py-2 font-medium">Role</th>
                <th scope="col" className="px-3 py-2 font-medium">Joined</th>
                <th scope="col" className="px-5 py-2 font-medium sm:px-6">Actions</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {members.map((m) => (
                <tr key={m.id}>
                  <td className="px-5 py-2.5 font-medium text-slate-900 sm:px-6">
                    {m.email}
                    {m.email === user.email && <span className="ml-2 text-xs font-normal text-slate-600">(you)</span>}
                  </td>
                  <td className="px-3 py-2.5 text-slate-700">{m.name ?? <span className="text-slate-500">—</span>}</td>
                  <td className="px-3 py-2.5">
                    {mayChange(m.role) ? (
                      <MemberRoleForm org={org.slug} membershipId={m.id} email={m.email} role={m.role} roles={assignable} />
                    ) : (
                      <RoleBadge role={m.role} />
                    )}
                  </td>
                  <td className="whitespace-nowrap px-3 py-2.5 text-slate-700"><DateTime value={m.joinedAt} /></td>
                  <td className="px-5 py-2.5 sm:px-6">
                    {m.email !== user.email && mayChange(m.role) && !(m.role === "owner" && owners <= 1) && (
                      <ConfirmAction
                        action={removeMemberAction}
                        fields={{ org: org.slug, membershipId: m.id }}
                        label="Remove"
                        labelFor={`Remove ${m.email}`}
                        question={`Remove ${m.email} from ${org.name}? They lose access to this organization, and the applications they connected lose theirs.`}
                        confirmLabel="Yes, remove"
                        pendingLabel="Removing…"
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Card>

      <Card title="Pending invitations" className="mt-6">
        {invites.length === 0 ? (
          <p className="text-sm text-slate-600">No pending invitations.</p>
        ) : (
          <div className="-mx-5 overflow-x-auto sm:-mx-6">
            <table className="min-w-full text-left text-sm">
              <caption className="sr-only">Pending invitations</caption>
              <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium sm:px-6">Role</th>
                  <th scope="col" className="px-3 py-2 font-medium">Created by</th>
                  <th scope="col" className="px-3 py-2 font-medium">Created</th>
                  <th scope="col" className="px-5 py-2 font-medium sm:px-6">Expires</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-slate-100">
                {invites.map((i) => (
                  <tr key={i.id}>
                    <td className="px-5 py-2.5 sm:px-6"><RoleBadge role={i.role} /></td>
                    <td className="px-3 py-2.5 text-slate-700">{i.createdByEmail ?? <span className="text-slate-500">—</span>}</td>
                    <td className="whitespace-nowrap px-3 py-2.5 text-slate-700"><DateTime value={i.createdAt} /></td>
                    <td className="whitespace-nowrap px-5 py-2.5 text-slate-700 sm:px-6"><DateTime value={i.expiresAt} /></td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
