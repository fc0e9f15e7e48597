"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { serverWriteContext } from "@/lib/server/portal/serverActionContext";
import { updateScope } from "@/lib/server/servers/updateScope";

const checkbox = z.string().optional().transform((value) => value === "on");
const schema = z.object({
  server: z.string().min(1).max(64),
  scope: z.string().min(1).max(64),
  description: z.string().max(300, "At most 300 characters").optional().transform((text) => text ?? ""),
  isDefault: checkbox,
  requiresConsent: checkbox,
});

const run = orgAction(
  schema,
  async ({ server, scope, ...patch }, ctx) => {
    await updateScope(await serverWriteContext(ctx), ctx.org.id, server, scope, patch);
    refresh();
    return { name: scope };
  },
  { roles: ADMIN_ROLES },
);

export async function updateScopeAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
