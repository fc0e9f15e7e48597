"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { serverWriteContext } from "@/lib/server/portal/serverActionContext";
import { updateServer } from "@/lib/server/servers/updateServer";
import { serverFields, serverFormFields } from "../serverFormSchema";

const schema = z.object({
  ...serverFormFields,
  server: z.string().min(1).max(64),
  removeCredential: z.string().optional().transform((value) => value === "on"),
});

const run = orgAction(
  schema,
  async (input, ctx) => {
    const gateway = input.mode === "gateway";
    // The credential is write-only: empty keeps the stored one; "remove" (or no upstream) drops it.
    const credential = !gateway || !input.upstreamUrl || input.removeCredential ? { upstreamCredential: null } : input.upstreamCredential ? { upstreamCredential: input.upstreamCredential } : {};
    const server = await updateServer(await serverWriteContext(ctx), ctx.org.id, input.server, { ...serverFields(input), ...credential });
    refresh();
    return { slug: server.slug };
  },
  { roles: ADMIN_ROLES },
);

export async function updateServerAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
