"use client";

import { useActionState, useState } from "react";
import { buttonStyles } from "@/components/buttonStyles";
import { CopyField } from "@/components/CopyField";
import { FormAlert } from "@/components/FormAlert";
import { TextAreaField } from "@/components/TextAreaField";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import type { ImportSummary } from "@/lib/server/config-as-code/importOrgConfig";
import { importConfigAction } from "./importConfigAction";

type State = ActionResult<ImportSummary> | null;

const line = (what: string, r: { created: string[]; updated: string[]; unchanged: string[] }) =>
  `${what}: ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged`;

/**
 * Applies a configuration file: choose (or paste) it, then confirm. All or nothing; what matches
 * is left untouched. Secrets generated for new clients are shown once.
 */
export function ImportConfigForm({ org }: { org: string }) {
  const [confirming, setConfirming] = useState(false);
  const [document, setDocument] = useState("");
  const [state, dispatch, pending] = useActionState<State, FormData>(async (previous, formData) => {
    const result = await importConfigAction(previous, formData);
    setConfirming(false);
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;
  const summary = state?.ok ? state.data : null;

  async function load(file: File | undefined) {
    if (file) setDocument(await file.text());
  }

  return (
    <form onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-4">
      <FormAlert message={state && !state.ok ? state.error : null} />
      {summary && (
        <div role="status" className="space-y-2 rounded-md border border-emerald-200 bg-emerald-50 p-4 text-sm text-emerald-900">
          <p>Configuration imported.</p>
          <ul className="list-disc pl-5">
            <li>Organization settings: {summary.org}</li>
            <li>{line("Servers", summary.servers)}</li>
            <li>{line("Clients", summary.clients)}</li>
          </ul>
          {Object.entries(summary.generatedSecrets).map(([clientId, secret]) => (
            <CopyField key={clientId} label={`Secret of ${clientId}`} value={secret} hint="Shown this once: Gatehouse keeps only its hash." />
          ))}
        </div>
      )}
      <input type="hidden" name="org" value={org} />
      <div>
        <label htmlFor="config-file" className="block text-sm font-medium text-slate-800">
          Configuration file
        </label>
        <input
          id="config-file"
          type="file"
          accept="application/json,.json"
          onChange={(e) => void load(e.target.files?.[0])}
          className="mt-1 block text-sm text-slate-700 file:mr-3 file:rounded-md file:border file:border-slate-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium"
        />
      </div>
      <TextAreaField
        name="document"
        label="Configuration (JSON)"
        rows={8}
        value={document}
        onChange={(e) => setDocument(e.target.value)}
        placeholder='{ "format": "gatehouse-org-config/1", … }'
        hint="Servers are upserted by slug (scopes and tool maps replaced), admin clients by client_id; nothing is deleted. All or nothing."
        error={errors?.document}
      />
      {confirming || pending ? (
        <div role="group" aria-label="Confirm the import" className="rounded-md border border-slate-200 bg-slate-50 p-3">
          <p className="text-sm text-slate-800">Apply this configuration to the organization? Servers and clients it names are changed to match it.</p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button type="submit" disabled={pending} aria-busy={pending || undefined} className={buttonStyles.primary}>
              {pending ? "Importing…" : "Yes, import"}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)} className={buttonStyles.secondary}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button type="button" disabled={!document.trim()} onClick={() => setConfirming(true)} className={buttonStyles.secondary}>
          Import…
        </button>
      )}
    </form>
  );
}
