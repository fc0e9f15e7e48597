"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FormAlert } from "@/components/FormAlert";
import { SubmitButton } from "@/components/SubmitButton";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import { TextField } from "@/components/TextField";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { joinWithNewAccountAction } from "./joinWithNewAccountAction";

type State = ActionResult<{ slug: string }> | null;

export function NewAccountJoinForm({ token, orgName }: { token: string; orgName: string }) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(async (previous: State, formData: FormData): Promise<State> => {
    const result = await joinWithNewAccountAction(previous, formData);
    if (!result.ok) return result;
    const signedIn = await signIn<"credentials">("credentials", { email: formData.get("email"), password: formData.get("password"), redirect: false });
    if (!signedIn?.ok) return { ok: false, error: `You joined ${orgName}, but signing in failed. Sign in with your new email and password.` };
    router.push(`/orgs/${result.data.slug}`);
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-4">
      <FormAlert message={state && !state.ok ? state.error : null} />
      <input type="hidden" name="token" value={token} />
      <TextField name="name" label="Your name (optional)" autoComplete="name" maxLength={100} error={errors?.name} />
      <TextField name="email" label="Email" type="email" autoComplete="email" required error={errors?.email} />
      <TextField name="password" label="Password" type="password" autoComplete="new-password" required hint="At least 8 characters." error={errors?.password} />
      <SubmitButton pending={pending || (state?.ok ?? false)} pendingLabel="Creating your account…" className="w-full">
        Create account and join
      </SubmitButton>
    </form>
  );
}
