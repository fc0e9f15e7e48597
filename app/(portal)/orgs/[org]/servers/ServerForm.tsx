"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useState } from "react";
import { CheckboxField } from "@/components/CheckboxField";
import { FormAlert } from "@/components/FormAlert";
import { SelectField } from "@/components/SelectField";
import { SubmitButton } from "@/components/SubmitButton";
import { TextField } from "@/components/TextField";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";

type State = ActionResult<{ slug: string }> | null;

export interface ServerFormValues {
  slug: string;
  name: string;
  mode: "gateway" | "external";
  resourceUri: string | null;
  upstreamUrl: string | null;
  hasUpstreamCredential: boolean;
  isDefault: boolean;
}

interface ServerFormProps {
  org: string;
  origin: string;
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<{ slug: string }>>;
  /** Editing: the server as stored. Creating: absent. */
  server?: ServerFormValues;
  submitLabel: string;
  pendingLabel: string;
}

/**
 * Creates or edits an MCP server: name, slug, and where it runs (behind the gateway, optionally
 * forwarding to an upstream with a write-only credential, or hosted elsewhere at an https URI).
 * On success it goes to the server's page (its slug may have changed).
 */
export function ServerForm({ org, origin, action, server, submitLabel, pendingLabel }: ServerFormProps) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState<State, FormData>(action, null);
  const [mode, setMode] = useState<"gateway" | "external">(server?.mode ?? "gateway");
  const [slug, setSlug] = useState(server?.slug ?? "");
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const saved = state?.ok ? state.data.slug : null;

  useEffect(() => {
    if (saved && saved !== server?.slug) router.push(`/orgs/${org}/servers/${saved}`);
  }, [saved, server?.slug, org, router]);

  return (
    <form onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-4">
      <FormAlert message={state && !state.ok ? state.error : null} />
      {state?.ok && saved === server?.slug && (
        <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
          Saved.
        </p>
      )}
      <input type="hidden" name="org" value={org} />
      {server && <input type="hidden" name="server" value={server.slug} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField name="name" label="Name" required maxLength={100} placeholder="Weather tools" defaultValue={server?.name} error={errors?.name} />
        <TextField
          name="slug"
          label="Slug"
          required
          maxLength={40}
          placeholder="weather"
          value={slug}
          onChange={(e) => setSlug(e.target.value)}
          hint="Lower-case letters, digits and inner hyphens; part of the gateway URL."
          error={errors?.slug}
        />
      </div>
      <SelectField
        name="mode"
        label="Where it runs"
        value={mode}
        onChange={(e) => setMode(e.target.value as "gateway" | "external")}
        options={[
          { value: "gateway", label: "Behind the Gateway (Gatehouse checks tokens and forwards)" },
          { value: "external", label: "Hosted elsewhere (Gatehouse only issues its tokens)" },
        ]}
        error={errors?.mode}
      />
      {mode === "gateway" ? (
        <>
          <p className="text-xs text-slate-600">
            Clients connect to <span className="break-all font-mono">{`${origin}/mcp/${org}/${slug || "{slug}"}`}</span>.
          </p>
          <TextField
            name="upstreamUrl"
            label="Upstream URL (optional)"
            type="url"
            maxLength={2000}
            placeholder="https://mcp.internal.example.com/mcp"
            defaultValue={server?.upstreamUrl ?? ""}
            hint="Where the gateway forwards authorized requests. Empty: the built-in demo MCP server answers."
            error={errors?.upstreamUrl}
          />
          <TextField
            name="upstreamCredential"
            label={`Upstream credential (${server?.hasUpstreamCredential ? "set" : "not set"})`}
            type="password"
            autoComplete="off"
            maxLength={4096}
            placeholder={server?.hasUpstreamCredential ? "Leave empty to keep the current value" : "Bearer …"}
            hint="Sent upstream as the Authorization header value. Write-only: it is stored encrypted and never shown."
            error={errors?.upstreamCredential}
          />
          {server?.hasUpstreamCredential && <CheckboxField name="removeCredential" label="Remove the upstream credential" />}
        </>
      ) : (
        <TextField
          name="resourceUri"
          label="Resource URI"
          type="url"
          required
          maxLength={2000}
          placeholder="https://mcp.example.com/mcp"
          defaultValue={server?.resourceUri ?? ""}
          hint="The https URL clients connect to: its tokens carry it as audience. The server checks the tokens itself."
          error={errors?.resourceUri}
        />
      )}
      <CheckboxField
        name="isDefault"
        label="Default resource of the organization"
        hint="An authorization request that names no resource is for this server."
        defaultChecked={server?.isDefault ?? false}
        error={errors?.isDefault}
      />
      <SubmitButton pending={pending} pendingLabel={pendingLabel}>
        {submitLabel}
      </SubmitButton>
    </form>
  );
}
