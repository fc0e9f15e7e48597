"use server";

import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { serverWriteContext } from "@/lib/server/portal/serverActionContext";
import { createServer } from "@/lib/server/servers/createServer";
import { serverFields, serverFormFields } from "./serverFormSchema";

const schema = z.object(serverFormFields);

const run = orgAction(
  schema,
  async (input, ctx) => {
    const gateway = input.mode === "gateway";
    const server = await createServer(await serverWriteContext(ctx), ctx.org.id, {
      ...serverFields(input),
      upstreamCredential: gateway && input.upstreamUrl ? input.upstreamCredential : null,
    });
    return { slug: server.slug };
  },
  { roles: ADMIN_ROLES },
);

export async function createServerAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
