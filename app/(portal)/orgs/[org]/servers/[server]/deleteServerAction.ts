"use server";

import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { serverWriteContext } from "@/lib/server/portal/serverActionContext";
import { deleteServer } from "@/lib/server/servers/deleteServer";

const schema = z.object({ server: z.string().min(1).max(64) });

const run = orgAction(
  schema,
  async (input, ctx) => {
    await deleteServer(await serverWriteContext(ctx), ctx.org.id, input.server);
    return { deleted: input.server };
  },
  { roles: ADMIN_ROLES },
);

export async function deleteServerAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
