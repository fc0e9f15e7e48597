import { type AccessContext, authenticateAccessToken } from "@/lib/mcp/access/authenticateAccessToken";
import { insufficientScopeError, invalidTokenError } from "@/lib/mcp/challenge/resourceChallenge";
import type { LoadedOrg } from "../oauth/loadOrg";
import { managementApiMetadataUrl, managementApiResource } from "../servers/managementApiResource";
import type { McpRuntime } from "./McpRuntime";
import { verifierDeps } from "./verifierDeps";

/**
 * The management API's bearer check: authenticateAccessToken against the org's management API
 * resource (`{PUBLIC_URL}/orgs/{org}/api/v1`: a token of another org, of an MCP server or of
 * another org's API has another `iss` or `aud` and is refused, 401), then:
 *
 * - only client-credentials tokens (a grant without a user): the API is for automation by admin
 *   clients; a user's delegated token is refused with 401 invalid_token;
 * - the operation's scope (`servers:read` or `servers:write`), else 403 insufficient_scope naming it.
 *
 * The challenge of a 401 names the management API's metadata and the operation's scope.
 */
export async function authorizeManagementRequest(runtime: McpRuntime, request: Request, org: LoadedOrg, scope: string): Promise<AccessContext> {
  const resourceMetadataUrl = managementApiMetadataUrl(runtime.oauth.config.publicUrl, org.slug);
  const challenge = { resourceMetadataUrl, scopes: [scope] };
  const resource = { orgId: org.orgId, issuer: org.issuer, resource: managementApiResource(runtime.oauth.config.publicUrl, org.slug), challenge };
  const caller = await authenticateAccessToken(request.headers.get("authorization"), resource, verifierDeps(runtime));
  if (caller.userId !== null) throw invalidTokenError(challenge, "the management API accepts only client-credentials tokens of an admin client");
  if (!caller.scopes.includes(scope)) {
    throw insufficientScopeError(resourceMetadataUrl, [scope], `this operation needs the scope ${scope}; the access token has ${caller.scopes.join(" ") || "no scope"}`);
  }
  return caller;
}
