import { authenticateAccessToken } from "@/lib/mcp/access/authenticateAccessToken";
import { forwardGatewayRequest } from "@/lib/mcp/gateway/forwardGatewayRequest";
import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { gatewayEndpoint } from "../mcp/gatewayEndpoint";
import { getMcpRuntime } from "../mcp/McpRuntime";
import { loadProtectedServer } from "../mcp/loadProtectedServer";
import { recordGatewayRefusal } from "../mcp/recordGatewayRefusal";
import { upstreamOf } from "../mcp/upstreamOf";
import { verifierDeps } from "../mcp/verifierDeps";

/**
 * POST, GET and DELETE /mcp/{org}/{server}: the protected MCP endpoint (Streamable HTTP) of a
 * server behind the gateway. The server (cached briefly), then the bearer token
 * (authenticateAccessToken: signature, iss, aud = this server, exp, jti and grant not revoked),
 * then forwardGatewayRequest (per-tool scopes, tools/list filtering, the upstream or the built-in
 * demo server). A server hosted elsewhere is not served here: 404.
 */
export const handleMcpGateway = gatewayEndpoint<{ org: string; server: string }>(async (request, params) => {
  const runtime = await getMcpRuntime();
  const server = await loadProtectedServer(runtime, params.org, params.server);
  if (server.mode !== "gateway") {
    throw new OAuthError("invalid_request", `The MCP server "${server.slug}" is hosted at ${server.urls.resource}, not behind this gateway`, { status: 404 });
  }
  const caller = await authenticateAccessToken(request.headers.get("authorization"), server.resourceContext, verifierDeps(runtime));
  return forwardGatewayRequest(
    request,
    caller,
    { resourceMetadataUrl: server.urls.resourceMetadataUrl, toolScopes: server.toolScopes, upstream: upstreamOf(server) },
    { ...runtime.options, onInsufficientScope: (refusal) => void recordGatewayRefusal(runtime, server, caller, refusal, request) },
  );
});
