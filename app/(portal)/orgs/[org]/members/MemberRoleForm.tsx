"use client";

import { useActionState, useId } from "react";
import type { Role } from "@/generated/prisma/client";
import { buttonStyles } from "@/components/buttonStyles";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { changeRoleAction } from "./changeRoleAction";

type State = ActionResult<{ changed: boolean }> | null;

/**
 * A member's role as a select and a save button; refusals (such as the last owner) appear beside it.
 * Its labels avoid the word "role": the invite form's "Role" select must stay the only one so named.
 */
export function MemberRoleForm({ org, membershipId, email, role, roles }: { org: string; membershipId: string; email: string; role: Role; roles: Role[] }) {
  const [state, dispatch, pending] = useActionState<State, FormData>(changeRoleAction, null);
  const id = useId();
  const error = state && !state.ok ? (state.fieldErrors?.role ?? state.error) : null;

  return (
    <form onSubmit={submitKeepingValues(dispatch)} className="flex flex-col gap-1">
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="membershipId" value={membershipId} />
      <div className="flex items-center gap-2">
        <label htmlFor={`${id}-role`} className="sr-only">
          Change {email} to
        </label>
        <select
          id={`${id}-role`}
          name="role"
          defaultValue={role}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          className={`rounded-md border bg-white py-1.5 pl-2 pr-8 text-sm text-slate-900 focus:outline-none focus:ring-2 focus:ring-indigo-600 ${error ? "border-red-600" : "border-slate-300"}`}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        <button type="submit" disabled={pending} aria-label={`Save the change for ${email}`} className={`${buttonStyles.secondary} py-1.5`}>
          {pending ? "Saving…" : "Save"}
        </button>
      </div>
      {state?.ok && (
        <p role="status" className="text-xs text-emerald-700">
          {state.data.changed ? "Saved" : "No change"}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} role="alert" className="max-w-64 text-sm text-red-700">
          {error}
        </p>
      )}
    </form>
  );
}
