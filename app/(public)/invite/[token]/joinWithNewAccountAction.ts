"use server";

import { z } from "zod";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { acceptInvite } from "@/lib/server/invites/acceptInvite";
import { actionFailure } from "@/lib/server/portal/actionFailure";
import { invalidInput } from "@/lib/server/portal/invalidInput";
import { displayName, email, password } from "@/lib/server/users/userInput";

const schema = z.object({ token: z.string().min(1).max(200), name: displayName, email, password });

/** A visitor without an account creates one and joins; the form signs them in afterwards. */
export async function joinWithNewAccountAction(_previous: unknown, formData: FormData): Promise<ActionResult<{ slug: string }>> {
  const input = schema.safeParse(Object.fromEntries(formData));
  if (!input.success) return invalidInput(input.error);
  try {
    const { prisma } = await getDatabase();
    const { token, ...newUser } = input.data;
    const { org } = await acceptInvite(prisma, token, { newUser });
    return { ok: true, data: { slug: org.slug } };
  } catch (error) {
    return actionFailure(error);
  }
}
