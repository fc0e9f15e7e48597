import type { ActionResult } from "../actions/ActionResult";
import { UseCaseError } from "../errors/UseCaseError";

/**
 * For actions outside an org (orgAction does the same inside one): a use case's refusal becomes
 * the form's error, anything else is logged and answered generically.
 */
export function actionFailure(error: unknown, fieldNames: Record<string, string> = {}): ActionResult<never> {
  if (error instanceof UseCaseError) {
    const field = error.field ? (fieldNames[error.field] ?? error.field) : undefined;
    return { ok: false, error: error.message, fieldErrors: field ? { [field]: error.message } : undefined };
  }
  console.error("[gatehouse] portal action failed", error);
  return { ok: false, error: "Something went wrong on our side. Try again; if it persists, the server log has the details." };
}
