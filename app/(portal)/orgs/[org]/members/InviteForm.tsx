"use client";

import { useActionState } from "react";
import type { Role } from "@/generated/prisma/client";
import { CopyField } from "@/components/CopyField";
import { DateTime } from "@/components/DateTime";
import { FormAlert } from "@/components/FormAlert";
import { SelectField } from "@/components/SelectField";
import { SubmitButton } from "@/components/SubmitButton";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { createInviteAction } from "./createInviteAction";

type State = ActionResult<{ url: string; role: Role; expiresAt: string }> | null;

const roleLabels: Record<Role, string> = {
  member: "Member: can authorize MCP clients",
  admin: "Admin: manages servers, clients and members",
  owner: "Owner: everything, including owners",
};

export function InviteForm({ org, roles }: { org: string; roles: Role[] }) {
  const [state, dispatch, pending] = useActionState<State, FormData>(createInviteAction, null);
  const created = state?.ok ? state.data : null;

  return (
    <div className="space-y-4">
      <form onSubmit={submitKeepingValues(dispatch)} className="space-y-4">
        <FormAlert message={state && !state.ok ? state.error : null} />
        <input type="hidden" name="org" value={org} />
        <div className="flex flex-col gap-3 sm:flex-row sm:items-start">
          <SelectField
            name="role"
            label="Role"
            defaultValue="member"
            options={roles.map((role) => ({ value: role, label: roleLabels[role] }))}
            error={state && !state.ok ? state.fieldErrors?.role : undefined}
            className="sm:w-96"
          />
          <SubmitButton pending={pending} pendingLabel="Creating…" className="sm:mt-6">
            Create invite link
          </SubmitButton>
        </div>
      </form>
      {created && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4">
          <p className="mb-3 text-sm text-emerald-900">
            Invite link for {created.role === "member" ? "a" : "an"} <strong>{created.role}</strong> created. Copy it now: it is shown only
            once. It works for one person and expires <DateTime value={created.expiresAt} />.
          </p>
          <CopyField label="Invite link" value={created.url} />
        </div>
      )}
    </div>
  );
}
