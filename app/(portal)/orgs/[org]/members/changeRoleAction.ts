"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { changeMemberRole } from "@/lib/server/members/changeMemberRole";

const schema = z.object({
  membershipId: z.string().min(1).max(64),
  role: z.enum(["member", "admin", "owner"], { error: "Choose a role" }),
});

const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const result = await changeMemberRole(prisma, { orgId: ctx.org.id, membershipId: input.membershipId, role: input.role, actor: { ...ctx.user, role: ctx.role } });
    refresh();
    return result;
  },
  { roles: ADMIN_ROLES },
);

export async function changeRoleAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
