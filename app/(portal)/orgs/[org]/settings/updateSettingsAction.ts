"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { DURATION_UNITS } from "@/components/DurationField";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { cimdAllowedHostsSchema } from "@/lib/server/settings/cimdAllowedHostsSchema";
import { updateOrgSettings } from "@/lib/server/settings/updateOrgSettings";

const checkbox = z.string().optional().transform((value) => value === "on");
const amount = z.coerce.number({ error: "Enter a whole number" }).int("Enter a whole number").positive("Enter a positive number").max(10_000_000, "Too large");
const unit = z.enum(["seconds", "minutes", "hours", "days"], { error: "Choose a unit" });

/** One host per line (commas and spaces also separate them). */
const hostList = z
  .string()
  .max(20_000, "Too long")
  .optional()
  .transform((text) => (text ?? "").split(/[\s,]+/).filter(Boolean))
  .pipe(cimdAllowedHostsSchema);

const schema = z.object({
  openRegistration: checkbox,
  cimdPolicy: z.enum(["off", "any_public_host", "listed_hosts"], { error: "Choose which metadata documents to accept" }),
  cimdAllowedHosts: hostList,
  authorizePolicy: z.enum(["members", "any_user"], { error: "Choose who may authorize" }),
  accessTokenTtl: amount,
  accessTokenTtlUnit: unit,
  refreshTokenTtl: amount,
  refreshTokenTtlUnit: unit,
  defaultServerId: z.string().max(64).transform((id) => id || null),
});

const run = orgAction(
  schema,
  async (input, ctx) => {
    const { prisma } = await getDatabase();
    const result = await updateOrgSettings(prisma, {
      orgId: ctx.org.id,
      actor: ctx.user,
      settings: {
        openRegistration: input.openRegistration,
        cimdPolicy: input.cimdPolicy,
        cimdAllowedHosts: input.cimdAllowedHosts,
        authorizePolicy: input.authorizePolicy,
        accessTokenTtlSec: input.accessTokenTtl * DURATION_UNITS[input.accessTokenTtlUnit],
        refreshTokenTtlSec: input.refreshTokenTtl * DURATION_UNITS[input.refreshTokenTtlUnit],
        defaultServerId: input.defaultServerId,
      },
    });
    refresh();
    return result;
  },
  { roles: ADMIN_ROLES },
);

export async function updateSettingsAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
