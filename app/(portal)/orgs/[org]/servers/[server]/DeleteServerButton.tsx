"use client";

import { useRouter } from "next/navigation";
import { ConfirmAction } from "@/components/ConfirmAction";
import { deleteServerAction } from "./deleteServerAction";

/** Deletes the server after a confirmation, then goes back to the list. */
export function DeleteServerButton({ org, server, name }: { org: string; server: string; name: string }) {
  const router = useRouter();
  return (
    <ConfirmAction
      action={async (previous, formData) => {
        const result = await deleteServerAction(previous, formData);
        if (result.ok) router.push(`/orgs/${org}/servers`);
        return result;
      }}
      fields={{ org, server }}
      label="Delete server"
      question={`Delete ${name}? No token can be issued for it any more and its live tokens stop working; grants for it stay on record.`}
      confirmLabel="Yes, delete"
      pendingLabel="Deleting…"
    />
  );
}
