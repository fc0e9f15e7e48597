"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { inviteToOrg } from "@/lib/server/invites/inviteToOrg";

const schema = z.object({ role: z.enum(["member", "admin", "owner"], { error: "Choose a role" }) });

const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const { token, invite } = await inviteToOrg(prisma, { orgId: ctx.org.id, role: input.role, inviter: { id: ctx.user.id, email: ctx.user.email, role: ctx.role } });
    // The pending list on the page shows the new invitation.
    refresh();
    return { url: `${getConfig().publicUrl}/invite/${token}`, role: invite.role, expiresAt: invite.expiresAt.toISOString() };
  },
  { roles: ADMIN_ROLES },
);

export async function createInviteAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
