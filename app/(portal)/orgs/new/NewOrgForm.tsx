"use client";

import { useRouter } from "next/navigation";
import { useActionState } from "react";
import { FormAlert } from "@/components/FormAlert";
import { OrgNameSlugFields } from "@/components/OrgNameSlugFields";
import { SubmitButton } from "@/components/SubmitButton";
import { submitKeepingValues } from "@/components/submitKeepingValues";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { createOrgAction } from "./createOrgAction";

type State = ActionResult<{ slug: string }> | null;

export function NewOrgForm({ publicUrl }: { publicUrl: string }) {
  const router = useRouter();
  const [state, dispatch, pending] = useActionState(async (previous: State, formData: FormData): Promise<State> => {
    const result = await createOrgAction(previous, formData);
    if (result.ok) router.push(`/orgs/${result.data.slug}`);
    return result;
  }, null);
  const errors = state && !state.ok ? state.fieldErrors : undefined;

  return (
    <form onSubmit={submitKeepingValues(dispatch)} noValidate className="space-y-4">
      <FormAlert message={state && !state.ok ? state.error : null} />
      <OrgNameSlugFields nameField="name" errors={errors} publicUrl={publicUrl} />
      <SubmitButton pending={pending || (state?.ok ?? false)} pendingLabel="Creating…">
        Create organization
      </SubmitButton>
    </form>
  );
}
