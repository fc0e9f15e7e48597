import { accessDenied } from "@/lib/oauth/errors/OAuthError";
import { buildAuthorizationResponseUrl } from "@/lib/oauth/authorization/buildAuthorizationResponseUrl";
import { getSessionUser } from "../auth/getSessionUser";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { completeAuthorization } from "../authorize/completeAuthorization";
import { verifyConsentCsrfToken } from "../authorize/consentCsrfToken";
import { findCoveringGrant } from "../authorize/findCoveringGrant";
import { prepareAuthorization } from "../authorize/prepareAuthorization";
import { recordConsent } from "../authorize/recordConsent";
import { renderAuthorizationErrorPage } from "../authorize/renderAuthorizationErrorPage";
import { getOAuthRuntime } from "../oauth/getOAuthRuntime";

const redirect = (location: string, status = 302) =>
  new Response(null, { status, headers: { location, "cache-control": "no-store", "referrer-policy": "no-referrer" } });

/**
 * GET /orgs/{org}/api/v1/oauth/authorize: the authorization endpoint. Unlike the other protocol
 * endpoints it reads the portal session (next-auth), so it is served through Next only.
 * After prepareAuthorization: a grant that already covers the request answers at once
 * (remembered consent); otherwise the person is sent to the consent screen with the same query.
 */
export async function handleAuthorizeGet(request: Request, params: { org: string }): Promise<Response> {
  const runtime = await getOAuthRuntime();
  const url = new URL(request.url);
  const step = await prepareAuthorization(runtime, params.org, url.searchParams, await getSessionUser());
  switch (step.kind) {
    case "error-page":
      return renderAuthorizationErrorPage(step.error);
    case "redirect":
      return redirect(step.location);
    case "sign-in":
      return redirect(`/signin?callbackUrl=${encodeURIComponent(url.pathname + url.search)}`);
    case "ready": {
      const grant = await findCoveringGrant(runtime.prisma, step.org.orgId, step.user.id, step.request);
      if (grant) return redirect(await completeAuthorization(runtime, step.org, step.user, step.request, grant));
      return redirect(`/orgs/${step.org.slug}/consent${url.search}`);
    }
  }
}

/**
 * POST /orgs/{org}/api/v1/oauth/authorize: the consent screen's decision (form fields `query`,
 * `csrf`, `decision`). Everything is checked again; the CSRF token binds the user, the org and the
 * exact request. Answers 303 to the client's redirect URI.
 */
export async function handleAuthorizePost(request: Request, params: { org: string }): Promise<Response> {
  const runtime = await getOAuthRuntime();
  const form = await request.formData().catch(() => new FormData());
  const query = String(form.get("query") ?? "");
  const step = await prepareAuthorization(runtime, params.org, new URLSearchParams(query), await getSessionUser());
  if (step.kind === "error-page") return renderAuthorizationErrorPage(step.error);
  if (step.kind === "redirect") return redirect(step.location, 303);
  if (step.kind === "sign-in") return redirect(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${params.org}/consent?${query}`)}`, 303);

  const { org, user, request: authz } = step;
  const csrf = form.get("csrf");
  if (!verifyConsentCsrfToken(runtime.config.sessionSecret, user.id, org.orgId, query, typeof csrf === "string" ? csrf : null)) {
    await recordAuditEvent(runtime.prisma, { orgId: org.orgId, kind: "consent.refused", actor: { type: "user", id: user.id, label: user.email }, clientId: authz.client.clientId, request, details: { reason: "csrf token missing or invalid" } });
    return renderAuthorizationErrorPage(accessDenied("The consent form expired or did not come from this site; start the sign-in from the application again", { status: 403 }));
  }
  if (form.get("decision") !== "allow") {
    const denied = accessDenied("The user denied the request");
    await recordAuditEvent(runtime.prisma, { orgId: org.orgId, kind: "consent.denied", actor: { type: "user", id: user.id, label: user.email }, clientId: authz.client.clientId, serverId: authz.resource.serverId, request, details: { scopes: authz.scopes } });
    return redirect(buildAuthorizationResponseUrl(authz.redirectUri, { error: denied.error, error_description: denied.description, state: authz.state, iss: org.issuer }), 303);
  }
  const grant = await recordConsent(runtime.prisma, org.orgId, user.id, authz);
  await recordAuditEvent(runtime.prisma, { orgId: org.orgId, kind: "consent.granted", actor: { type: "user", id: user.id, label: user.email }, clientId: authz.client.clientId, serverId: authz.resource.serverId, target: { type: "grant", id: grant.id }, request, details: { scopes: authz.scopes } });
  return redirect(await completeAuthorization(runtime, org, user, authz, grant), 303);
}
