import { MANAGEMENT_SCOPES, managementApiResource } from "../servers/managementApiResource";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: unknown) => ({ "application/json": { schema } });
const error = (description: string) => ({ description, content: json(ref("Error")) });
const challenge = (description: string) => ({
  description,
  headers: { "WWW-Authenticate": { description: "RFC 6750 Bearer challenge naming resource_metadata and the scope the operation needs", schema: { type: "string" } } },
  content: json(ref("Error")),
});

/**
 * The OpenAPI 3.1 document of one org's management API (served at
 * /orgs/{org}/api/v1/mcp/openapi.json), with the org's own server URL and token endpoint filled in.
 */
export function buildManagementOpenApi(publicUrl: string, org: { slug: string; name: string; issuer: string }) {
  const read = [{ oauth2: ["servers:read"] }];
  const write = [{ oauth2: ["servers:write"] }];
  const slug = { name: "server", in: "path", required: true, description: "The server's slug", schema: { type: "string", pattern: "^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$" } };
  const common = { "401": challenge("No token, or an invalid one (expired, revoked, of another org or resource, or not a client-credentials token)"), "403": challenge("The token lacks the operation's scope (insufficient_scope)") };
  const scope = {
    type: "object",
    required: ["name"],
    additionalProperties: false,
    properties: {
      name: { type: "string", maxLength: 64, description: "RFC 6749 scope-token; offline_access is reserved" },
      description: { type: "string", maxLength: 300 },
      default: { type: "boolean", description: "Granted when a request names no scope; named in 401 challenges" },
      requires_consent: { type: "boolean" },
    },
  };
  const inputProperties = {
    slug: { type: "string", maxLength: 40, description: "Part of the gateway URL /mcp/{org}/{slug}; \"servers\" is reserved" },
    name: { type: "string", maxLength: 100 },
    resource_uri: { type: ["string", "null"], description: "A server hosted elsewhere: its https resource identifier. Null: behind the gateway" },
    upstream_url: { type: ["string", "null"], description: "Gateway mode: where requests go. Null: the built-in demo server answers" },
    upstream_credential: { type: ["string", "null"], writeOnly: true, description: "Authorization header value sent upstream; stored encrypted, never returned. Null removes it" },
    scopes: { type: "array", items: ref("Scope"), maxItems: 50, description: "Replaces the whole list" },
    tool_scopes: { type: "object", additionalProperties: { type: "array", items: { type: "string" } }, description: "Tool name -> the scopes it needs; each must be one of the server's scopes" },
    default: { type: "boolean", description: "true: the org's default resource; false: no longer the default" },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: `${org.name}: Gatehouse management API`,
      version: "1",
      description:
        `Manage the MCP servers of ${org.name}. Authenticate with an access token of the org's authorization server (${org.issuer}): ` +
        `the client credentials grant of an admin client, with resource=${managementApiResource(publicUrl, org.slug)} and scope servers:read and/or servers:write.`,
    },
    servers: [{ url: `${org.issuer}/api/v1` }],
    security: read,
    paths: {
      "/mcp/servers": {
        get: { operationId: "listServers", summary: "List the org's MCP servers", security: read, responses: { "200": { description: "The servers", content: json(ref("ServerList")) }, ...common } },
        post: {
          operationId: "createServer",
          summary: "Register an MCP server",
          security: write,
          requestBody: { required: true, content: json(ref("ServerInput")) },
          responses: { "201": { description: "Created", headers: { Location: { schema: { type: "string" } } }, content: json(ref("Server")) }, "400": error("Invalid input"), ...common, "409": error("The slug or identifier is taken") },
        },
      },
      "/mcp/servers/{server}": {
        parameters: [slug],
        get: { operationId: "getServer", summary: "Read one server with its discovery URLs", security: read, responses: { "200": { description: "The server", content: json(ref("Server")) }, ...common, "404": error("No such server") } },
        patch: {
          operationId: "updateServer",
          summary: "Change a server: present members replace, absent ones stay",
          security: write,
          requestBody: { required: true, content: json(ref("ServerPatch")) },
          responses: { "200": { description: "The changed server", content: json(ref("Server")) }, "400": error("Invalid input"), ...common, "404": error("No such server"), "409": error("Conflict") },
        },
        delete: { operationId: "deleteServer", summary: "Delete a server and its scopes", security: write, responses: { "204": { description: "Deleted" }, ...common, "404": error("No such server") } },
      },
    },
    components: {
      securitySchemes: {
        oauth2: {
          type: "oauth2",
          description: `Client credentials of an admin client of ${org.name}; send resource=${managementApiResource(publicUrl, org.slug)}.`,
          flows: { clientCredentials: { tokenUrl: `${org.issuer}/api/v1/oauth/token`, scopes: Object.fromEntries(MANAGEMENT_SCOPES.map((s) => [s.name, s.description])) } },
        },
      },
      schemas: {
        Scope: scope,
        ServerInput: { type: "object", required: ["slug", "name"], additionalProperties: false, properties: inputProperties },
        ServerPatch: { type: "object", additionalProperties: false, properties: inputProperties },
        Server: {
          type: "object",
          properties: {
            slug: { type: "string" },
            name: { type: "string" },
            mode: { enum: ["gateway", "external"] },
            resource: { type: "string", description: "The RFC 8707 identifier: tokens for the server carry it as aud" },
            resource_uri: { type: ["string", "null"] },
            upstream_url: { type: ["string", "null"] },
            upstream_credential_set: { type: "boolean" },
            default: { type: "boolean" },
            scopes: { type: "array", items: scope },
            tool_scopes: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
            discovery: {
              type: "object",
              properties: {
                gateway_url: { type: ["string", "null"] },
                resource_metadata_url: { type: "string" },
                resource_metadata_urls: { type: "array", items: { type: "string" } },
                challenge_url: { type: "string" },
                authorization_server: { type: "string" },
                authorization_server_metadata_url: { type: "string" },
              },
            },
            created_at: { type: "string", format: "date-time" },
            updated_at: { type: "string", format: "date-time" },
          },
        },
        ServerList: { type: "object", properties: { servers: { type: "array", items: ref("Server") } } },
        Error: { type: "object", required: ["error", "error_description"], properties: { error: { type: "string" }, error_description: { type: "string" } } },
      },
    },
  };
}
