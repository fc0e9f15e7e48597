"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { serverWriteContext } from "@/lib/server/portal/serverActionContext";
import { removeScope } from "@/lib/server/servers/removeScope";

const schema = z.object({ server: z.string().min(1).max(64), scope: z.string().min(1).max(64) });

const run = orgAction(
  schema,
  async (input, ctx) => {
    await removeScope(await serverWriteContext(ctx), ctx.org.id, input.server, input.scope);
    refresh();
    return { name: input.scope };
  },
  { roles: ADMIN_ROLES },
);

export async function removeScopeAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
