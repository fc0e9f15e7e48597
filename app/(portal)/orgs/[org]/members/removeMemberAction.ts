"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { removeMember } from "@/lib/server/members/removeMember";

const schema = z.object({ membershipId: z.string().min(1).max(64) });

const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const result = await removeMember(prisma, { orgId: ctx.org.id, membershipId: input.membershipId, actor: { ...ctx.user, role: ctx.role } });
    refresh();
    return result;
  },
  { roles: ADMIN_ROLES },
);

export async function removeMemberAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
