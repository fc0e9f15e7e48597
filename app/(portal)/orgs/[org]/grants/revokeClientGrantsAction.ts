"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { revokeClientGrants } from "@/lib/server/grants/revokeClientGrants";

const schema = z.object({ clientRowId: z.string().min(1).max(64) });

const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const result = await revokeClientGrants(prisma, { orgId: ctx.org.id, clientRowId: input.clientRowId, actor: ctx.user });
    refresh();
    return result;
  },
  { roles: ADMIN_ROLES },
);

export async function revokeClientGrantsAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
