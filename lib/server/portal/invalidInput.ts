import type { z } from "zod";
import type { ActionResult } from "../actions/ActionResult";

/** A failed zod parse as a form answer: the first message of each field, as orgAction reports it. */
export function invalidInput(error: z.ZodError): ActionResult<never> {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  return { ok: false, error: "Check the highlighted fields.", fieldErrors };
}
