"use client";

import { useActionState, useState } from "react";
import { CheckboxField } from "@/components/CheckboxField";
import { CopyField } from "@/components/CopyField";
import { FormAlert } from "@/components/FormAlert";
import { SubmitButton } from "@/components/SubmitButton";
import { TextAreaField } from "@/components/TextAreaField";
import { TextField } from "@/components/TextField";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { createClientAction } from "./createClientAction";

type Created = { name: string; clientId: string; clientSecret: string; grantTypes: string[] };
type State = ActionResult<Created> | null;

/** Creates a confidential client; its secret is shown once, right here, and never again. */
export function CreateClientForm({ org, tokenEndpoint }: { org: string; tokenEndpoint: string }) {
  const [state, dispatch, pending] = useActionState<State, FormData>(createClientAction, null);
  const [authorizationCode, setAuthorizationCode] = useState(false);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const created = state?.ok ? state.data : null;

  return (
    <div className="space-y-4">
      {created && (
        <div role="status" className="rounded-md border border-emerald-200 bg-emerald-50 p-4">
          <p className="mb-3 text-sm text-emerald-900">
            Client <strong>{created.name}</strong> created. Copy its secret now: it is shown only once, and Gatehouse keeps only a
            hash of it.
          </p>
          <div className="space-y-1">
            <CopyField label="Client ID" value={created.clientId} />
            <CopyField label="Client secret" value={created.clientSecret} hint="Send it with HTTP Basic authentication (client_secret_basic)." />
            <CopyField label="Token endpoint" value={tokenEndpoint} />
          </div>
        </div>
      )}
      {/* A new key after each creation empties the form for the next client. */}
      <form key={created?.clientId ?? "new"} onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-4">
        <FormAlert message={state && !state.ok ? state.error : null} />
        <input type="hidden" name="org" value={org} />
        <TextField name="name" label="Name" required maxLength={200} placeholder="Reporting service" error={errors?.name} />
        <fieldset aria-describedby={errors?.grantTypes ? "grant-types-error" : undefined}>
          <legend className="text-sm font-medium text-slate-800">Grant types</legend>
          <div className="mt-2 space-y-2">
            <CheckboxField name="clientCredentials" label="Client credentials" hint="A service acting as itself, with no user." defaultChecked />
            <CheckboxField
              name="authorizationCode"
              label="Authorization code (with refresh tokens)"
              hint="A server-side web app acting for a signed-in user."
              checked={authorizationCode}
              onChange={(e) => setAuthorizationCode(e.target.checked)}
            />
          </div>
          {errors?.grantTypes && (
            <p id="grant-types-error" className="mt-1 text-sm text-red-700">
              {errors.grantTypes}
            </p>
          )}
        </fieldset>
        {authorizationCode && (
          <TextAreaField
            name="redirectUris"
            label="Redirect URIs"
            rows={3}
            placeholder="https://app.example.com/oauth/callback"
            hint="One per line: https, or http on a loopback address."
            error={errors?.redirectUris}
          />
        )}
        <TextField
          name="scope"
          label="Scope (optional)"
          maxLength={1000}
          placeholder="mcp:tools"
          hint="Space-separated scopes this client may ask for with client credentials. Empty: any scope of the requested server."
          error={errors?.scope}
        />
        <CheckboxField
          name="canIntrospect"
          label="May introspect tokens"
          hint="For an MCP server hosted elsewhere that checks tokens with the introspection endpoint: it may introspect any token of the organization."
        />
        <SubmitButton pending={pending} pendingLabel="Creating…">
          Create client
        </SubmitButton>
      </form>
    </div>
  );
}
