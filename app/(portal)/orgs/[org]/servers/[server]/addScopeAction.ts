"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { serverWriteContext } from "@/lib/server/portal/serverActionContext";
import { addScope } from "@/lib/server/servers/addScope";

const checkbox = z.string().optional().transform((value) => value === "on");
const schema = z.object({
  server: z.string().min(1).max(64),
  name: z.string({ error: "A scope needs a name" }).trim().max(64, "A scope name can have at most 64 characters"),
  description: z.string().max(300, "At most 300 characters").optional().transform((text) => text ?? ""),
  isDefault: checkbox,
  requiresConsent: checkbox,
});

const run = orgAction(
  schema,
  async ({ server, ...scope }, ctx) => {
    await addScope(await serverWriteContext(ctx), ctx.org.id, server, scope);
    refresh();
    return { name: scope.name };
  },
  { roles: ADMIN_ROLES },
);

export async function addScopeAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
