"use client";

import { useActionState } from "react";
import { FormAlert } from "@/components/FormAlert";
import { SubmitButton } from "@/components/SubmitButton";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { joinSignedInAction } from "./joinSignedInAction";

export function JoinForm({ token, orgName }: { token: string; orgName: string }) {
  const [state, dispatch, pending] = useActionState<ActionResult | null, FormData>(joinSignedInAction, null);
  return (
    <form action={dispatch} className="space-y-4">
      <FormAlert message={state && !state.ok ? state.error : null} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pending={pending} pendingLabel="Joining…" className="w-full">
        Join {orgName}
      </SubmitButton>
    </form>
  );
}
