import { accessDenied, isOAuthError, type OAuthError } from "@/lib/oauth/errors/OAuthError";
import { buildAuthorizationResponseUrl } from "@/lib/oauth/authorization/buildAuthorizationResponseUrl";
import { type AuthorizationRequest, validateAuthorizationRequest } from "@/lib/oauth/authorization/validateAuthorizationRequest";
import { parseOAuthParameters } from "@/lib/oauth/http/parseOAuthParameters";
import type { SessionUser } from "../auth/getSessionUser";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import type { LoadedOrg } from "../oauth/loadOrg";
import { loadOrg } from "../oauth/loadOrg";
import type { OAuthRuntime } from "../oauth/OAuthRuntime";
import { mayAuthorize } from "./mayAuthorize";

export type AuthorizationStep =
  /** Nothing verified enough to redirect to: show the error to the person. */
  | { kind: "error-page"; error: OAuthError }
  /** An answer for the client: an error, or (later) a code. */
  | { kind: "redirect"; location: string }
  | { kind: "sign-in" }
  | { kind: "ready"; org: LoadedOrg; user: SessionUser; request: AuthorizationRequest };

/**
 * Everything the authorization endpoint and the consent screen check before a person decides, in
 * order: the org exists; the request is valid (validateAuthorizationRequest: client, redirect URI,
 * response type, PKCE, resource, scope); someone is signed in; the org lets them authorize. Run
 * again on the consent POST, so the decision never trusts what the page showed.
 */
export async function prepareAuthorization(runtime: OAuthRuntime, orgSlug: string, query: URLSearchParams, user: SessionUser | null): Promise<AuthorizationStep> {
  let org: LoadedOrg;
  try {
    org = await loadOrg(runtime, orgSlug);
    const params = parseOAuthParameters(query);
    const result = await validateAuthorizationRequest(params, { org, clients: runtime.clients, resources: runtime.resources });
    if (!result.ok) {
      if (result.display === "page") return { kind: "error-page", error: result.error };
      return { kind: "redirect", location: result.location };
    }
    if (!user) return { kind: "sign-in" };
    const { request } = result;
    if (!(await mayAuthorize(runtime.prisma, org, user.id))) {
      const error = accessDenied(`${user.email} is not a member of ${org.name}, and only members may authorize clients for it`);
      await recordAuditEvent(runtime.prisma, { orgId: org.orgId, kind: "authorization.refused", actor: { type: "user", id: user.id, label: user.email }, clientId: request.client.clientId, details: { reason: "not a member" } });
      return { kind: "redirect", location: buildAuthorizationResponseUrl(request.redirectUri, { error: error.error, error_description: error.description, state: request.state, iss: org.issuer }) };
    }
    return { kind: "ready", org, user, request };
  } catch (error) {
    if (isOAuthError(error)) return { kind: "error-page", error };
    throw error;
  }
}
