"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { deleteClient } from "@/lib/server/clients/deleteClient";
import { getDatabase } from "@/lib/server/db/getDatabase";

const schema = z.object({ clientRowId: z.string().min(1).max(64) });

const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const result = await deleteClient(prisma, { orgId: ctx.org.id, clientRowId: input.clientRowId, actor: ctx.user });
    refresh();
    return result;
  },
  { roles: ADMIN_ROLES },
);

export async function deleteClientAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
