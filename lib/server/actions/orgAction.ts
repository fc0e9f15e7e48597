import type { Role } from "@/generated/prisma/client";
import { z } from "zod";
import { findOrgAccess } from "../auth/findOrgAccess";
import { getSessionUser, type SessionUser } from "../auth/getSessionUser";
import { ADMIN_ROLES } from "../auth/roles";
import { UseCaseError } from "../errors/UseCaseError";
import type { ActionResult } from "./ActionResult";

export interface OrgActionContext {
  user: SessionUser;
  org: { id: string; slug: string; name: string };
  role: Role;
}

const orgField = z.object({ org: z.string().min(1).max(64) });

/**
 * The one boundary for portal server actions: signs in, checks the role in the org named by the
 * form (server side, whatever the page showed), validates the input with zod, and turns refusals
 * into field errors. Unknown errors are logged and answered with a generic message.
 */
export function orgAction<S extends z.ZodType, T>(
  schema: S,
  run: (input: z.infer<S>, ctx: OrgActionContext) => Promise<T>,
  options: { roles?: readonly Role[] } = {},
) {
  return async (_previous: unknown, formData: FormData): Promise<ActionResult<T>> => {
    const raw = Object.fromEntries(formData.entries());
    const user = await getSessionUser();
    if (!user) return { ok: false, error: "Your session has ended: sign in again." };
    const org = orgField.safeParse(raw);
    if (!org.success) return { ok: false, error: "The form names no organization." };
    const access = await findOrgAccess(user, org.data.org, options.roles ?? ADMIN_ROLES);
    if (!access.ok) return { ok: false, error: "You are not allowed to do this in this organization." };
    const input = schema.safeParse(raw);
    if (!input.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of input.error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
      return { ok: false, error: "Check the highlighted fields.", fieldErrors };
    }
    try {
      return { ok: true, data: await run(input.data, { user, org: access.org, role: access.role }) };
    } catch (error) {
      if (error instanceof UseCaseError) {
        return { ok: false, error: error.message, fieldErrors: error.field ? { [error.field]: error.message } : undefined };
      }
      console.error("[gatehouse] admin action failed", error);
      return { ok: false, error: "Something went wrong on our side. Try again; if it persists, the server log has the details." };
    }
  };
}
