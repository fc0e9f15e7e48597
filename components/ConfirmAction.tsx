"use client";

import { useActionState, useEffect, useId, useRef, useState } from "react";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { buttonStyles } from "./buttonStyles";
import { FormAlert } from "./FormAlert";
import { submitKeepingValues } from "./submitKeepingValues";

type State = ActionResult<unknown> | null;

interface ConfirmActionProps {
  action: (previous: unknown, formData: FormData) => Promise<ActionResult<unknown>>;
  /** Hidden fields sent with the action: always `org`, and the id of what is acted on. */
  fields: Record<string, string>;
  /** The first button, e.g. "Revoke". */
  label: string;
  /** An accessible name for the first button when `label` alone is ambiguous in a list. */
  labelFor?: string;
  /** The question asked before anything happens, with its consequences. */
  question: React.ReactNode;
  /** The second button, which does it, e.g. "Yes, revoke". */
  confirmLabel: string;
  pendingLabel?: string;
  tone?: "danger" | "primary";
  /** Said (role=status) after success, when the control is still on the page. */
  doneMessage?: string;
}

/**
 * A destructive or consequential action in two steps: the first button only asks the question,
 * the second one submits. Focus moves to the confirm button and back on cancel, so the whole
 * exchange works from the keyboard; errors come back as an alert next to the control.
 */
export function ConfirmAction({ action, fields, label, labelFor, question, confirmLabel, pendingLabel, tone = "danger", doneMessage }: ConfirmActionProps) {
  const [confirming, setConfirming] = useState(false);
  const [state, dispatch, pending] = useActionState<State, FormData>(async (previous, formData) => {
    const result = await action(previous, formData);
    setConfirming(false);
    return result;
  }, null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const startRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();
  const wasConfirming = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
    else if (wasConfirming.current) startRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  return (
    <form onSubmit={submitKeepingValues(dispatch)} className="space-y-2">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {confirming || pending ? (
        <div role="group" aria-labelledby={questionId} className="min-w-56 rounded-md border border-slate-200 bg-slate-50 p-3">
          <p id={questionId} className="text-sm text-slate-800">
            {question}
          </p>
          <div className="mt-2 flex flex-wrap gap-2">
            <button ref={confirmRef} type="submit" disabled={pending} aria-busy={pending || undefined} className={tone === "danger" ? buttonStyles.danger : buttonStyles.primary}>
              {pending ? (pendingLabel ?? "Working…") : confirmLabel}
            </button>
            <button type="button" disabled={pending} onClick={() => setConfirming(false)} className={buttonStyles.secondary}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <button ref={startRef} type="button" aria-label={labelFor} onClick={() => setConfirming(true)} className={tone === "danger" ? buttonStyles.dangerOutline : buttonStyles.secondary}>
          {label}
        </button>
      )}
      <FormAlert message={state && !state.ok ? state.error : null} />
      {state?.ok && doneMessage && (
        <p role="status" className="text-sm text-emerald-800">
          {doneMessage}
        </p>
      )}
    </form>
  );
}
