"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FormAlert } from "@/components/FormAlert";
import { OrgNameSlugFields } from "@/components/OrgNameSlugFields";
import { SubmitButton } from "@/components/SubmitButton";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import { TextField } from "@/components/TextField";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { createFirstAccountAction } from "./createFirstAccountAction";

type State = ActionResult<{ slug: string }> | null;

export function FirstRunForm({ publicUrl }: { publicUrl: string }) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(async (previous: State, formData: FormData): Promise<State> => {
    const result = await createFirstAccountAction(previous, formData);
    if (!result.ok) return result;
    const signedIn = await signIn<"credentials">("credentials", { email: formData.get("email"), password: formData.get("password"), redirect: false });
    if (!signedIn?.ok) return { ok: false, error: "Your account was created, but signing in failed. Sign in with your email and password." };
    router.push(`/orgs/${result.data.slug}`);
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-5">
      <FormAlert message={state && !state.ok ? state.error : null} />
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold text-slate-900">Your account</legend>
        <TextField name="name" label="Your name (optional)" autoComplete="name" maxLength={100} error={errors?.name} />
        <TextField name="email" label="Email" type="email" autoComplete="email" required error={errors?.email} />
        <TextField name="password" label="Password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={errors?.password} />
      </fieldset>
      <fieldset className="space-y-4 border-t border-slate-200 pt-5">
        <legend className="sr-only">Your organization</legend>
        <p aria-hidden="true" className="text-sm font-semibold text-slate-900">
          Your organization
        </p>
        <OrgNameSlugFields nameField="orgName" errors={errors} publicUrl={publicUrl} />
      </fieldset>
      <SubmitButton pending={pending || (state?.ok ?? false)} pendingLabel="Setting up…" className="w-full">
        Create account and organization
      </SubmitButton>
    </form>
  );
}
