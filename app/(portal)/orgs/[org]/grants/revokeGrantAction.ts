"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { revokeGrant } from "@/lib/server/grants/revokeGrant";

const schema = z.object({ grantId: z.string().min(1).max(64) });

const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const result = await revokeGrant(prisma, { orgId: ctx.org.id, grantId: input.grantId, actor: ctx.user });
    refresh();
    return result;
  },
  { roles: ADMIN_ROLES },
);

export async function revokeGrantAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
