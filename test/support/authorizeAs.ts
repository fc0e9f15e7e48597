import { completeAuthorization } from "@/lib/server/authorize/completeAuthorization";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { recordConsent } from "@/lib/server/authorize/recordConsent";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";

/**
 * The server side of "the user approves on the consent screen", without the browser: the same
 * functions the consent POST runs (validation, consent, code issuance), minus the form and its
 * CSRF check (covered by the Playwright tests). Returns the redirect the client receives.
 */
export async function authorizeAs(user: { id: string; email: string }, orgSlug: string, query: Record<string, string>): Promise<URL> {
  const runtime = await getOAuthRuntime();
  const step = await prepareAuthorization(runtime, orgSlug, new URLSearchParams(query), { ...user, name: null });
  if (step.kind === "redirect") return new URL(step.location);
  if (step.kind !== "ready") throw new Error(`authorization did not get to consent: ${step.kind}${step.kind === "error-page" ? ` ${step.error.message}` : ""}`);
  const grant = await recordConsent(runtime.prisma, step.org.orgId, step.user.id, step.request);
  return new URL(await completeAuthorization(runtime, step.org, step.user, step.request, grant));
}
