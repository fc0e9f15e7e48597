import { notFound, redirect } from "next/navigation";
import type { Role } from "@/generated/prisma/client";
import { findOrgAccess } from "./findOrgAccess";
import { getSessionUser } from "./getSessionUser";
import { ANY_ROLE } from "./roles";

/**
 * For org pages: the signed-in user with one of `roles` in the org, else sign-in (with a return to
 * `returnTo`), a 404 for an org that is not theirs, or the forbidden page for a role too low.
 */
export async function requireOrgPage(slug: string, returnTo: string, roles: readonly Role[] = ANY_ROLE) {
  const user = await getSessionUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  const access = await findOrgAccess(user, slug, roles);
  if (!access.ok) {
    if (access.reason === "role") redirect(`/orgs/${slug}/forbidden`);
    notFound();
  }
  return { user, org: access.org, role: access.role };
}
