"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ANY_ROLE } from "@/lib/server/auth/roles";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { revokeMyGrant } from "@/lib/server/grants/revokeMyGrant";

const schema = z.object({ grantId: z.string().min(1).max(64) });

// Any role: everyone may revoke their own connections; the use case checks the grant is theirs.
const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const result = await revokeMyGrant(prisma, { orgId: ctx.org.id, grantId: input.grantId, user: ctx.user });
    refresh();
    return result;
  },
  { roles: ANY_ROLE },
);

export async function revokeMyGrantAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
