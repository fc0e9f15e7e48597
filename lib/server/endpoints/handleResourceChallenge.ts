import { missingTokenError } from "@/lib/mcp/challenge/resourceChallenge";
import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { getMcpRuntime } from "../mcp/McpRuntime";
import { loadProtectedServer } from "../mcp/loadProtectedServer";

/**
 * GET and POST /orgs/{org}/api/v1/mcp/{server}/challenge: exactly what the protected resource
 * answers a request without a token (401, the same WWW-Authenticate, exposed to scripts by CORS),
 * with a body that explains it: the body the resource sends, plus what a client does next. For
 * servers hosted elsewhere it shows what they should answer themselves.
 */
export const handleResourceChallenge = oauthEndpoint<{ org: string; server: string }>(async (_request, params) => {
  const server = await loadProtectedServer(await getMcpRuntime(), params.org, params.server);
  const challenge = missingTokenError(server.resourceContext.challenge);
  const scope = server.defaultScopes.join(" ");
  return jsonResponse(
    {
      ...challenge.toResponseBody(),
      resource: server.urls.resource,
      resource_metadata: server.urls.resourceMetadataUrl,
      authorization_servers: [server.org.issuer],
      scope,
      www_authenticate: challenge.wwwAuthenticate,
      next_steps: [
        `Fetch the protected resource metadata (RFC 9728) at ${server.urls.resourceMetadataUrl}.`,
        `Fetch the authorization server metadata (RFC 8414) of ${server.org.issuer} at ${server.urls.authorizationServerMetadataUrl}.`,
        "Register a client (RFC 7591 dynamic registration at registration_endpoint, or a Client ID Metadata Document) unless you have one.",
        `Send the user to authorization_endpoint with response_type=code, PKCE (S256), resource=${server.urls.resource}${scope ? ` and scope=${scope}` : ""}.`,
        "Exchange the code at token_endpoint (with the same resource), then repeat the request with Authorization: Bearer <access_token>.",
      ],
    },
    { status: challenge.status, headers: { "www-authenticate": challenge.wwwAuthenticate! } },
  );
});
