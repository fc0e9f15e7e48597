"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { getConfig } from "@/lib/server/config/getConfig";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { createAdditionalOrg } from "@/lib/server/orgs/createAdditionalOrg";
import { orgName, orgSlug } from "@/lib/server/orgs/orgSlug";
import { actionFailure } from "@/lib/server/portal/actionFailure";
import { invalidInput } from "@/lib/server/portal/invalidInput";

const schema = z.object({ name: orgName, slug: orgSlug });

/** Any signed-in user may create an org; they become its owner. */
export async function createOrgAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ slug: string }>> {
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Your session has ended: sign in again." };
  const input = schema.safeParse(Object.fromEntries(formData));
  if (!input.success) return invalidInput(input.error);
  try {
    const { prisma } = await getDatabase();
    const org = await createAdditionalOrg(prisma, { ...input.data, owner: { id: user.id, email: user.email } }, getConfig().secretKey);
    return { ok: true, data: { slug: org.slug } };
  } catch (error) {
    return actionFailure(error);
  }
}
