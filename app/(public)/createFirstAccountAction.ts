"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { getConfig } from "@/lib/server/config/getConfig";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { createFirstAccount } from "@/lib/server/orgs/createFirstAccount";
import { orgName, orgSlug } from "@/lib/server/orgs/orgSlug";
import { actionFailure } from "@/lib/server/portal/actionFailure";
import { invalidInput } from "@/lib/server/portal/invalidInput";
import { displayName, email, password } from "@/lib/server/users/userInput";

const schema = z.object({ name: displayName, email, password, orgName, slug: orgSlug });

/** First run: no session to check; createFirstAccount refuses once any user exists. */
export async function createFirstAccountAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ slug: string }>> {
  const input = schema.safeParse(Object.fromEntries(formData));
  if (!input.success) return invalidInput(input.error);
  try {
    const { prisma } = await getDatabase();
    const { org } = await createFirstAccount(
      prisma,
      { email: input.data.email, password: input.data.password, name: input.data.name, orgName: input.data.orgName, orgSlug: input.data.slug },
      getConfig().secretKey,
    );
    return { ok: true, data: { slug: org.slug } };
  } catch (error) {
    return actionFailure(error);
  }
}
