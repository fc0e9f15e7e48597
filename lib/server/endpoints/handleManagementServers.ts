import { jsonResponse } from "../http/jsonResponse";
import { readJsonObject } from "../http/readJsonObject";
import { authorizeManagementRequest } from "../mcp/authorizeManagementRequest";
import { managementEndpoint } from "../mcp/managementEndpoint";
import { getMcpRuntime } from "../mcp/McpRuntime";
import { fromServerJson, toServerJson } from "../mcp/serverJson";
import { loadOrg } from "../oauth/loadOrg";
import { MANAGEMENT_READ_SCOPE, MANAGEMENT_WRITE_SCOPE } from "../servers/managementApiResource";
import { createServer } from "../servers/createServer";
import { deleteServer } from "../servers/deleteServer";
import { getServer } from "../servers/getServer";
import { listServers } from "../servers/listServers";
import { updateServer } from "../servers/updateServer";

const MAX_BODY = 256 * 1024;
type OrgParams = { org: string };
type ServerParams = { org: string; server: string };

/**
 * The management API (OpenAPI: /orgs/{org}/api/v1/mcp/openapi.json). Each operation: the org, the
 * bearer token with the operation's scope (authorizeManagementRequest: a client-credentials token
 * of this org for `{PUBLIC_URL}/orgs/{org}/api/v1`), then one server use case. The acting client is
 * what the audit log records.
 */
async function authorize(request: Request, orgSlug: string, scope: string) {
  const runtime = await getMcpRuntime();
  const org = await loadOrg(runtime.oauth, orgSlug);
  const caller = await authorizeManagementRequest(runtime, request, org, scope);
  const { prisma, config } = runtime.oauth;
  return { org, ctx: { prisma, publicUrl: config.publicUrl, secretKey: config.secretKey, actor: { type: "client" as const, id: caller.clientId }, request } };
}

/** GET /orgs/{org}/api/v1/mcp/servers (servers:read): `{servers: [...]}`. */
export const handleListServers = managementEndpoint<OrgParams>(async (request, params) => {
  const { org, ctx } = await authorize(request, params.org, MANAGEMENT_READ_SCOPE);
  return jsonResponse({ servers: (await listServers(ctx, org.orgId)).map(toServerJson) });
});

/** POST /orgs/{org}/api/v1/mcp/servers (servers:write): 201 with the server and its Location. */
export const handleCreateServer = managementEndpoint<OrgParams>(async (request, params) => {
  const { org, ctx } = await authorize(request, params.org, MANAGEMENT_WRITE_SCOPE);
  const server = await createServer(ctx, org.orgId, fromServerJson(await readJsonObject(request, MAX_BODY, "invalid_request")));
  return jsonResponse(toServerJson(server), { status: 201, headers: { location: `${org.issuer}/api/v1/mcp/servers/${server.slug}` } });
});

/** GET /orgs/{org}/api/v1/mcp/servers/{server} (servers:read): the server with its discovery URLs. */
export const handleReadServer = managementEndpoint<ServerParams>(async (request, params) => {
  const { org, ctx } = await authorize(request, params.org, MANAGEMENT_READ_SCOPE);
  return jsonResponse(toServerJson(await getServer(ctx, org.orgId, params.server)));
});

/** PATCH /orgs/{org}/api/v1/mcp/servers/{server} (servers:write): members present replace, absent stay. */
export const handleUpdateServer = managementEndpoint<ServerParams>(async (request, params) => {
  const { org, ctx } = await authorize(request, params.org, MANAGEMENT_WRITE_SCOPE);
  return jsonResponse(toServerJson(await updateServer(ctx, org.orgId, params.server, fromServerJson(await readJsonObject(request, MAX_BODY, "invalid_request")))));
});

/** DELETE /orgs/{org}/api/v1/mcp/servers/{server} (servers:write): 204. */
export const handleDeleteServer = managementEndpoint<ServerParams>(async (request, params) => {
  const { org, ctx } = await authorize(request, params.org, MANAGEMENT_WRITE_SCOPE);
  await deleteServer(ctx, org.orgId, params.server);
  return new Response(null, { status: 204, headers: { "cache-control": "no-store" } });
});
