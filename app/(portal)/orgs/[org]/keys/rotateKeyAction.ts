"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { rotateSigningKey } from "@/lib/server/keys/rotateSigningKey";

const run = orgAction(
  z.object({}),
  async (_input, ctx) => {
    const { prisma } = await getDatabase();
    const result = await rotateSigningKey(prisma, ctx.org.id, getConfig().secretKey, { type: "user", id: ctx.user.id, label: ctx.user.email });
    refresh();
    return { kid: result.kid };
  },
  { roles: ADMIN_ROLES },
);

export async function rotateKeyAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
