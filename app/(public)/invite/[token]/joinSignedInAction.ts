"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import type { ActionResult } from "@/lib/server/actions/ActionResult";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { acceptInvite } from "@/lib/server/invites/acceptInvite";
import { actionFailure } from "@/lib/server/portal/actionFailure";
import { invalidInput } from "@/lib/server/portal/invalidInput";

const schema = z.object({ token: z.string().min(1).max(200) });

/** The signed-in user accepts an invitation and is taken to the org. */
export async function joinSignedInAction(_previous: unknown, formData: FormData): Promise<ActionResult> {
  const input = schema.safeParse(Object.fromEntries(formData));
  if (!input.success) return invalidInput(input.error);
  const user = await getSessionUser();
  if (!user) return { ok: false, error: "Your session has ended: sign in again." };
  let slug: string;
  try {
    const { prisma } = await getDatabase();
    slug = (await acceptInvite(prisma, input.data.token, { userId: user.id })).org.slug;
  } catch (error) {
    return actionFailure(error);
  }
  redirect(`/orgs/${slug}`);
}
