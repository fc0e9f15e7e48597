"use client";

import { useActionState } from "react";
import type { AuthorizePolicy, CimdPolicy } from "@/generated/prisma/client";
import { CheckboxField } from "@/components/CheckboxField";
import { DurationField } from "@/components/DurationField";
import { FormAlert } from "@/components/FormAlert";
import { SelectField } from "@/components/SelectField";
import { SubmitButton } from "@/components/SubmitButton";
import { TextAreaField } from "@/components/TextAreaField";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { updateSettingsAction } from "./updateSettingsAction";

type State = ActionResult<{ changed: string[] }> | null;

export interface SettingsFormProps {
  org: string;
  settings: {
    openRegistration: boolean;
    cimdPolicy: CimdPolicy;
    cimdAllowedHosts: string[];
    authorizePolicy: AuthorizePolicy;
    accessTokenTtlSec: number;
    refreshTokenTtlSec: number;
    defaultServerId: string | null;
  };
  servers: { id: string; name: string; slug: string }[];
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <fieldset className="space-y-4 border-t border-slate-200 pt-5 first-of-type:border-t-0 first-of-type:pt-0">
      <legend className="float-left mb-3 w-full text-sm font-semibold text-slate-900">{title}</legend>
      <div className="clear-left space-y-4">{children}</div>
    </fieldset>
  );
}

/** The org's protocol settings in one form; the server checks every bound again. */
export function SettingsForm({ org, settings, servers }: SettingsFormProps) {
  const [state, dispatch, pending] = useActionState<State, FormData>(updateSettingsAction, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-6">
      <FormAlert message={state && !state.ok ? state.error : null} />
      {state?.ok && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          {state.data.changed.length ? "Settings saved. They apply to new requests and new tokens from now on." : "Nothing changed."}
        </p>
      )}
      <input type="hidden" name="org" value={org} />

      <Section title="Registration">
        <CheckboxField
          name="openRegistration"
          label="Open registration"
          defaultChecked={settings.openRegistration}
          hint="MCP clients may register themselves (RFC 7591 dynamic client registration). Off: only admins create clients."
        />
        <SelectField
          name="cimdPolicy"
          label="Client ID Metadata Documents"
          defaultValue={settings.cimdPolicy}
          options={[
            { value: "off", label: "Off: refuse https client ids" },
            { value: "any_public_host", label: "Accept them from any public https host" },
            { value: "listed_hosts", label: "Accept them only from the hosts listed below" },
          ]}
          hint="A client may use an https URL as its client_id; Gatehouse fetches its metadata from there (public addresses only)."
          error={errors?.cimdPolicy}
          className="sm:max-w-md"
        />
        <TextAreaField
          name="cimdAllowedHosts"
          label="Allowed hosts"
          defaultValue={settings.cimdAllowedHosts.join("\n")}
          rows={3}
          placeholder={"app.example.com\nclient.example.org"}
          hint="One host name per line, without https:// or a path; each matches that exact host. Used when only listed hosts are accepted."
          error={errors?.cimdAllowedHosts}
          className="sm:max-w-md"
        />
      </Section>

      <Section title="Authorization">
        <SelectField
          name="authorizePolicy"
          label="Who may authorize clients"
          defaultValue={settings.authorizePolicy}
          options={[
            { value: "members", label: "Members of this organization" },
            { value: "any_user", label: "Anyone with a Gatehouse account" },
          ]}
          error={errors?.authorizePolicy}
          className="sm:max-w-md"
        />
        <SelectField
          name="defaultServerId"
          label="Default resource"
          defaultValue={settings.defaultServerId ?? ""}
          options={[{ value: "", label: "None: requests must name a resource" }, ...servers.map((s) => ({ value: s.id, label: `${s.name} (${s.slug})` }))]}
          hint="The MCP server an authorization request is for when it names no resource."
          error={errors?.defaultServerId}
          className="sm:max-w-md"
        />
      </Section>

      <Section title="Token lifetimes">
        <DurationField
          name="accessTokenTtl"
          label="Access-token lifetime"
          seconds={settings.accessTokenTtlSec}
          units={["seconds", "minutes", "hours"]}
          hint="Between 60 seconds and 24 hours. Shorter means revocation matters less for verifiers that do not introspect."
          error={errors?.accessTokenTtl ?? errors?.accessTokenTtlSec}
        />
        <DurationField
          name="refreshTokenTtl"
          label="Refresh-token lifetime"
          seconds={settings.refreshTokenTtlSec}
          units={["hours", "days"]}
          hint="Between 1 hour and 90 days. An unused refresh token expires after this long."
          error={errors?.refreshTokenTtl ?? errors?.refreshTokenTtlSec}
        />
      </Section>

      <SubmitButton pending={pending} pendingLabel="Saving…">
        Save settings
      </SubmitButton>
    </form>
  );
}
