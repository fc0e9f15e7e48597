"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { createConfidentialClient } from "@/lib/server/clients/createConfidentialClient";
import { getDatabase } from "@/lib/server/db/getDatabase";

const checkbox = z.string().optional().transform((value) => value === "on");

const schema = z.object({
  name: z.string({ error: "Enter a name" }).trim().min(1, "Enter a name").max(200, "Use at most 200 characters"),
  clientCredentials: checkbox,
  authorizationCode: checkbox,
  redirectUris: z
    .string()
    .max(20_000, "Too long")
    .optional()
    .transform((text) => (text ?? "").split(/\r?\n/).map((line) => line.trim()).filter(Boolean)),
  scope: z.string().trim().max(1000, "Use at most 1000 characters").optional(),
  canIntrospect: checkbox,
});

const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const client = await createConfidentialClient(prisma, { ...input, orgId: ctx.org.id, actor: ctx.user });
    // The list below the form shows the new client.
    refresh();
    return { name: input.name, clientId: client.clientId, clientSecret: client.clientSecret, grantTypes: client.metadata.grant_types };
  },
  { roles: ADMIN_ROLES },
);

export async function createClientAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
