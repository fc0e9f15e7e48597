"use client";

import { signIn } from "next-auth/react";
import { useActionState } from "react";
import { FormAlert } from "@/components/FormAlert";
import { SubmitButton } from "@/components/SubmitButton";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import { TextField } from "@/components/TextField";
import { signInErrorMessage } from "./signInErrorMessage";

type State = { error: string } | { done: true } | null;

/** `initialError`: next-auth sends refused sign-ins it handled itself back here with ?error=. */
export function SignInForm({ callbackUrl, initialError }: { callbackUrl: string; initialError: string | null }) {
  const [state, dispatch, pending] = useActionState(async (_previous: State, formData: FormData): Promise<State> => {
    try {
      const result = await signIn<"credentials">("credentials", { email: formData.get("email"), password: formData.get("password"), redirect: false });
      if (!result?.ok) {
        return { error: result ? signInErrorMessage(result.error, "Signing in failed. Try again in a moment.") : "Wrong email or password." };
      }
    } catch {
      return { error: "Could not reach Gatehouse. Check your connection and try again." };
    }
    // A full load: the destination may be an OAuth endpoint rather than a page.
    window.location.assign(callbackUrl);
    return { done: true };
  }, initialError ? { error: initialError } : null);
  const error = state && "error" in state ? state.error : null;

  return (
    <form onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-4">
      <FormAlert message={error} />
      <TextField name="email" label="Email" type="email" autoComplete="email" required aria-invalid={error ? true : undefined} />
      <TextField name="password" label="Password" type="password" autoComplete="current-password" required aria-invalid={error ? true : undefined} />
      <SubmitButton pending={pending || (state !== null && "done" in state)} pendingLabel="Signing in…" className="w-full">
        Sign in
      </SubmitButton>
    </form>
  );
}
