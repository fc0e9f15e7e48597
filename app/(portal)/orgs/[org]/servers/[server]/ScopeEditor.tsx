"use client";

import { useActionState } from "react";
import { CheckboxField } from "@/components/CheckboxField";
import { ConfirmAction } from "@/components/ConfirmAction";
import { FormAlert } from "@/components/FormAlert";
import { SubmitButton } from "@/components/SubmitButton";
import { TextField } from "@/components/TextField";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import type { ScopeView } from "@/lib/server/servers/ServerView";
import { addScopeAction } from "./addScopeAction";
import { removeScopeAction } from "./removeScopeAction";
import { updateScopeAction } from "./updateScopeAction";

type State = ActionResult<{ name: string }> | null;

function ScopeRow({ org, server, scope }: { org: string; server: string; scope: ScopeView }) {
  const [state, dispatch, pending] = useActionState<State, FormData>(updateScopeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  return (
    <li aria-label={scope.name} className="py-4 first:pt-0 last:pb-0">
      <div className="flex flex-col gap-3 lg:flex-row lg:items-start lg:justify-between">
        <form onSubmit={submitKeepingValues(dispatch)} noValidate className="min-w-0 flex-1 space-y-3">
          <FormAlert message={state && !state.ok ? state.error : null} />
          <input type="hidden" name="org" value={org} />
          <input type="hidden" name="server" value={server} />
          <input type="hidden" name="scope" value={scope.name} />
          <p className="font-mono text-sm font-semibold text-slate-900">{scope.name}</p>
          <TextField name="description" label={`Description of ${scope.name}`} maxLength={300} defaultValue={scope.description} error={errors?.description} />
          <div className="flex flex-wrap gap-6">
            <CheckboxField name="isDefault" label="Default" hint="Granted when a request names no scope." defaultChecked={scope.isDefault} />
            <CheckboxField name="requiresConsent" label="Requires consent" hint="The user is asked before it is granted." defaultChecked={scope.requiresConsent} />
          </div>
          <div className="flex items-center gap-3">
            <SubmitButton pending={pending} pendingLabel="Saving…">
              Save
            </SubmitButton>
            {state?.ok && (
              <p role="status" className="text-sm text-emerald-800">
                Saved.
              </p>
            )}
          </div>
        </form>
        <ConfirmAction
          action={removeScopeAction}
          fields={{ org, server, scope: scope.name }}
          label="Remove"
          labelFor={`Remove ${scope.name}`}
          question={`Remove the scope ${scope.name}? Grants that include it keep the name; tokens carrying it stay valid until they expire.`}
          confirmLabel="Yes, remove"
          pendingLabel="Removing…"
        />
      </div>
    </li>
  );
}

function AddScopeForm({ org, server }: { org: string; server: string }) {
  const [state, dispatch, pending] = useActionState<State, FormData>(addScopeAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const added = state?.ok ? state.data.name : null;
  return (
    <form key={added ?? "new"} onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-3">
      <h3 className="text-sm font-semibold text-slate-900">Add a scope</h3>
      <FormAlert message={state && !state.ok ? state.error : null} />
      {added && (
        <p role="status" className="text-sm text-emerald-800">
          Scope {added} added.
        </p>
      )}
      <input type="hidden" name="org" value={org} />
      <input type="hidden" name="server" value={server} />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField name="name" label="Scope name" required maxLength={64} placeholder="files:read" error={errors?.name} />
        <TextField name="description" label="Description" maxLength={300} placeholder="Read your files" hint="Shown on the consent screen." error={errors?.description} />
      </div>
      <div className="flex flex-wrap gap-6">
        <CheckboxField name="isDefault" label="Default scope" hint="Granted when a request names no scope." />
        <CheckboxField name="requiresConsent" label="Requires consent" hint="The user is asked before it is granted." defaultChecked />
      </div>
      <SubmitButton pending={pending} pendingLabel="Adding…">
        Add scope
      </SubmitButton>
    </form>
  );
}

/** The server's scopes: edit each one's description and flags, remove one (confirmed), add one. */
export function ScopeEditor({ org, server, scopes }: { org: string; server: string; scopes: ScopeView[] }) {
  return (
    <div className="space-y-6">
      {scopes.length === 0 ? (
        <p className="text-sm text-slate-600">No scopes yet: any valid token for this server may call every tool.</p>
      ) : (
        <ul aria-label="Scopes" className="divide-y divide-slate-200">
          {scopes.map((scope) => (
            <ScopeRow key={scope.name} org={org} server={server} scope={scope} />
          ))}
        </ul>
      )}
      <div className="border-t border-slate-200 pt-4">
        <AddScopeForm org={org} server={server} />
      </div>
    </div>
  );
}
