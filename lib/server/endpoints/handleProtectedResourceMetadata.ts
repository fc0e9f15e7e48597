import { buildProtectedResourceMetadata } from "@/lib/mcp/metadata/buildProtectedResourceMetadata";
import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { jsonResponse } from "../http/jsonResponse";
import { oauthEndpoint } from "../http/oauthEndpoint";
import { getMcpRuntime } from "../mcp/McpRuntime";
import { loadProtectedServer } from "../mcp/loadProtectedServer";
import type { ProtectedServer } from "../mcp/ProtectedServer";

type Params = { org: string; server: string };

/** Clients fetch it on every connection; scopes may change, so the cache is short. */
export const RESOURCE_METADATA_CACHE = "public, max-age=60";

function metadataResponse(server: ProtectedServer): Response {
  const metadata = buildProtectedResourceMetadata({ resource: server.urls.resource, issuer: server.org.issuer, scopes: server.scopes.map((s) => s.name), name: server.name });
  return jsonResponse(metadata, { headers: { "cache-control": RESOURCE_METADATA_CACHE } });
}

/**
 * GET /.well-known/oauth-protected-resource/mcp/{org}/{server}: RFC 9728 metadata of a server
 * behind the gateway, at the path-insertion URL of its identifier (RFC 9728 §3.1), which MCP
 * clients compute. A server hosted elsewhere has its identifier on another origin: 404 here.
 */
export const handleGatewayResourceMetadata = oauthEndpoint<Params>(async (_request, params) => {
  const server = await loadProtectedServer(await getMcpRuntime(), params.org, params.server);
  if (server.mode !== "gateway") {
    throw new OAuthError("invalid_request", `The MCP server "${server.slug}" is hosted elsewhere; its metadata is at ${server.urls.resourceMetadataUrl}`, { status: 404 });
  }
  return metadataResponse(server);
});

/**
 * GET /orgs/{org}/api/v1/.well-known/oauth-protected-resource/mcp/{server}: the same document
 * under the org (LumoAuth-style), for every server of the org, hosted elsewhere or not.
 */
export const handleServerResourceMetadata = oauthEndpoint<Params>(async (_request, params) =>
  metadataResponse(await loadProtectedServer(await getMcpRuntime(), params.org, params.server)),
);
