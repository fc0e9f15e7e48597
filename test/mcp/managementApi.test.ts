import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mcpPost, readMessages, toolCall } from "../support/mcpRequests";
import { clientCredentialsToken, userAccessToken } from "../support/mcpTokens";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startMcpTestServer";

let server: TestServer;
let orgA: SeededOrg;
let orgB: SeededOrg;
let reader: string;
let writer: { token: string; clientId: string };
let writerB: string;

const api = (org: SeededOrg) => `${server.origin}/orgs/${org.slug}/api/v1`;
const call = (url: string, token: string | null, init: { method?: string; body?: unknown } = {}) =>
  fetch(url, {
    method: init.method ?? "GET",
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(init.body !== undefined ? { "content-type": "application/json" } : {}) },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });

beforeAll(async () => {
  server = await startTestServer();
  orgA = await seedOrg(server.db.prisma);
  orgB = await seedOrg(server.db.prisma);
  reader = (await clientCredentialsToken(server, orgA, { resource: api(orgA), clientScope: "servers:read" })).token;
  writer = await clientCredentialsToken(server, orgA, { resource: api(orgA), clientScope: "servers:read servers:write", scope: "servers:read servers:write" });
  writerB = (await clientCredentialsToken(server, orgB, { resource: api(orgB), clientScope: "servers:read servers:write", scope: "servers:read servers:write" })).token;
});
afterAll(() => server.close());

describe("management API: authorization", () => {
  const challenge = (org: SeededOrg, scope: string) => `Bearer resource_metadata="${api(org)}/.well-known/oauth-protected-resource", scope="${scope}"`;

  it("gets servers:read by default from client credentials (no scope named)", () => {
    const claims = JSON.parse(Buffer.from(reader.split(".")[1]!, "base64url").toString());
    expect(claims).toMatchObject({ aud: api(orgA), scope: "servers:read" });
  });

  it.each([
    ["GET", "/mcp/servers", "servers:read"],
    ["POST", "/mcp/servers", "servers:write"],
    ["GET", "/mcp/servers/demo", "servers:read"],
    ["PATCH", "/mcp/servers/demo", "servers:write"],
    ["DELETE", "/mcp/servers/demo", "servers:write"],
  ])("%s %s without a token: 401 naming the API's metadata and %s", async (method, path, scope) => {
    const response = await call(api(orgA) + path, null, { method, body: method === "GET" || method === "DELETE" ? undefined : {} });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge(orgA, scope));
  });

  it.each([
    ["POST", "/mcp/servers", { slug: "x", name: "X" }],
    ["PATCH", "/mcp/servers/demo", { name: "Renamed" }],
    ["DELETE", "/mcp/servers/demo", undefined],
  ])("%s %s with servers:read only: 403 insufficient_scope naming servers:write", async (method, path, body) => {
    const response = await call(api(orgA) + path, reader, { method, body });
    expect(response.status).toBe(403);
    const description = "this operation needs the scope servers:write; the access token has servers:read";
    expect(response.headers.get("www-authenticate")).toBe(`${challenge(orgA, "servers:write")}, error="insufficient_scope", error_description="${description}"`);
    expect(await response.json()).toEqual({ error: "insufficient_scope", error_description: description });
  });

  it("refuses org A's token at org B's API, and org B's at A's", async () => {
    const response = await call(`${api(orgB)}/mcp/servers`, writer.token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(`${challenge(orgB, "servers:read")}, error="invalid_token", error_description="the access token is signed by an unknown key"`);
    expect((await call(`${api(orgA)}/mcp/servers/demo`, writerB)).status).toBe(401);
  });

  it("refuses an MCP server's token (another audience), and a user's token for a server", async () => {
    const gatewayToken = await userAccessToken(server, orgA, { resource: `${server.origin}/mcp/${orgA.slug}/demo`, scope: "mcp:tools" });
    const response = await call(`${api(orgA)}/mcp/servers`, gatewayToken);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: "the access token is not intended for this resource" });
  });
});

describe("management API: servers", () => {
  it("lists the org's servers with their discovery URLs", async () => {
    const response = await call(`${api(orgA)}/mcp/servers`, reader);
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const { servers } = await response.json();
    expect(servers).toHaveLength(1);
    expect(servers[0]).toMatchObject({
      slug: "demo",
      name: "Demo MCP server",
      mode: "gateway",
      resource: `${server.origin}/mcp/${orgA.slug}/demo`,
      resource_uri: null,
      upstream_url: null,
      upstream_credential_set: false,
      default: true,
      scopes: [
        { name: "mcp:tools", description: "Call the server's everyday tools", default: true, requires_consent: true },
        { name: "mcp:admin", description: "Call privileged tools (admin_report)", default: false, requires_consent: true },
      ],
      tool_scopes: { whoami: ["mcp:tools"], echo: ["mcp:tools"], admin_report: ["mcp:admin"] },
      discovery: {
        gateway_url: `${server.origin}/mcp/${orgA.slug}/demo`,
        resource_metadata_url: `${server.origin}/.well-known/oauth-protected-resource/mcp/${orgA.slug}/demo`,
        resource_metadata_urls: [`${server.origin}/.well-known/oauth-protected-resource/mcp/${orgA.slug}/demo`, `${api(orgA)}/.well-known/oauth-protected-resource/mcp/demo`],
        challenge_url: `${api(orgA)}/mcp/demo/challenge`,
        authorization_server: `${server.origin}/orgs/${orgA.slug}`,
        authorization_server_metadata_url: `${server.origin}/.well-known/oauth-authorization-server/orgs/${orgA.slug}`,
      },
    });
  });

  it("creates a gateway server that clients can use at once, never showing its credential", async () => {
    const response = await call(`${api(orgA)}/mcp/servers`, writer.token, {
      method: "POST",
      body: {
        slug: "crm",
        name: "CRM",
        upstream_credential: "Bearer s3cret-upstream",
        scopes: [{ name: "crm:read", default: true }, { name: "crm:write", description: "Change records" }],
        tool_scopes: { whoami: ["crm:read"], admin_report: ["crm:write"] },
      },
    });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toBe(`${api(orgA)}/mcp/servers/crm`);
    const body = await response.json();
    expect(body).toMatchObject({ slug: "crm", mode: "gateway", upstream_credential_set: true, default: false, scopes: [{ name: "crm:read", default: true }, { name: "crm:write", default: false }] });
    expect(JSON.stringify(body)).not.toContain("s3cret-upstream");
    const stored = await server.db.prisma.mcpServer.findFirstOrThrow({ where: { orgId: orgA.orgId, slug: "crm" } });
    expect(stored.upstreamCredentialEncrypted).toMatch(/^v1\./);
    expect(stored.upstreamCredentialEncrypted).not.toContain("s3cret");

    const audit = await server.db.prisma.auditEvent.findFirst({ where: { orgId: orgA.orgId, kind: "server.created" } });
    expect(audit).toMatchObject({ actorType: "client", actorId: writer.clientId, details: { slug: "crm", mode: "gateway" } });

    const token = await userAccessToken(server, orgA, { resource: `${server.origin}/mcp/${orgA.slug}/crm`, scope: "crm:read" });
    const [answer] = await readMessages(await mcpPost(`${server.origin}/mcp/${orgA.slug}/crm`, token, toolCall("whoami", 1)));
    expect(answer).toMatchObject({ id: 1, result: { content: [{ type: "text" }] } });
    expect((await mcpPost(`${server.origin}/mcp/${orgA.slug}/crm`, token, toolCall("admin_report", 2))).status).toBe(403);
  });

  it("creates a server hosted elsewhere with its canonical https identifier", async () => {
    const response = await call(`${api(orgA)}/mcp/servers`, writer.token, { method: "POST", body: { slug: "remote", name: "Remote", resource_uri: "https://MCP.Example.com:443/" } });
    expect(response.status).toBe(201);
    expect(await response.json()).toMatchObject({ mode: "external", resource: "https://mcp.example.com", resource_uri: "https://mcp.example.com", discovery: { gateway_url: null } });
    const gateway = await mcpPost(`${server.origin}/mcp/${orgA.slug}/remote`, null, toolCall("x"));
    expect(gateway.status).toBe(404);
  });

  it.each([
    ["a taken slug", { slug: "demo", name: "D" }, 409, 'slug: The slug "demo" is taken'],
    ["a reserved slug", { slug: "servers", name: "S" }, 400, 'slug: The slug "servers" is reserved'],
    ["an unknown member", { slug: "u", name: "U", colour: "red" }, 400, "Unknown field colour"],
    ["a tool needing an undefined scope", { slug: "t", name: "T", tool_scopes: { deploy: ["ops:deploy"] } }, 400, "tool_scopes.deploy: The tool deploy needs the scope ops:deploy, which the server does not define"],
    ["an http resource URI", { slug: "h", name: "H", resource_uri: "http://mcp.example.com" }, 400, "resource_uri: A server hosted elsewhere needs an https resource URI"],
    ["a resource URI with a fragment", { slug: "f", name: "F", resource_uri: "https://mcp.example.com/#x" }, 400, 'resource_uri: Resource "https://mcp.example.com/#x" must not include a fragment'],
    ["an upstream for a server hosted elsewhere", { slug: "e", name: "E", resource_uri: "https://e.example.com", upstream_url: "https://up.example.com" }, 400, "upstream_url: A server hosted elsewhere is not proxied: give an upstream URL only to a server behind the gateway (no resource URI)"],
    ["an identifier another server has", { slug: "dup", name: "Dup", resource_uri: "https://mcp.example.com/" }, 409, "resource_uri: Another resource of the organization already has the identifier https://mcp.example.com"],
    ["a bad scope name", { slug: "b", name: "B", scopes: [{ name: "has space" }] }, 400, "scopes.0.name: A scope name is printable ASCII without spaces, quotes or backslashes (RFC 6749 §3.3)"],
    ["a scope listed twice", { slug: "b", name: "B", scopes: [{ name: "a" }, { name: "a" }] }, 409, "scopes.1.name: The scope a is listed twice"],
    ["a non-JSON body", "not json", 400, "The request body is not valid JSON"],
  ])("refuses %s", async (_name, body, status, description) => {
    const response =
      typeof body === "string"
        ? await fetch(`${api(orgA)}/mcp/servers`, { method: "POST", headers: { authorization: `Bearer ${writer.token}`, "content-type": "application/json" }, body })
        : await call(`${api(orgA)}/mcp/servers`, writer.token, { method: "POST", body });
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: description });
  });

  it("updates a server: present members replace, absent ones stay; the tool map takes effect at the gateway at once", async () => {
    const response = await call(`${api(orgA)}/mcp/servers/crm`, writer.token, { method: "PATCH", body: { name: "CRM v2", tool_scopes: { whoami: ["crm:read"] }, default: true } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ slug: "crm", name: "CRM v2", default: true, upstream_credential_set: true, tool_scopes: { whoami: ["crm:read"] }, scopes: [{ name: "crm:read" }, { name: "crm:write" }] });
    const token = await userAccessToken(server, orgA, { resource: `${server.origin}/mcp/${orgA.slug}/crm`, scope: "crm:read" });
    expect((await mcpPost(`${server.origin}/mcp/${orgA.slug}/crm`, token, toolCall("admin_report", 2))).status).toBe(200);
    const list = await (await call(`${api(orgA)}/mcp/servers`, reader)).json();
    expect(list.servers.map((s: { slug: string; default: boolean }) => [s.slug, s.default])).toEqual([["demo", false], ["crm", true], ["remote", false]]);
  });

  it("refuses removing a scope a tool still needs", async () => {
    const response = await call(`${api(orgA)}/mcp/servers/crm`, writer.token, { method: "PATCH", body: { scopes: [{ name: "crm:write" }] } });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "tool_scopes.whoami: The tool whoami needs the scope crm:read, which the server does not define" });
  });

  it("deletes a server: 204, then 404, and its gateway answers 404", async () => {
    expect((await call(`${api(orgA)}/mcp/servers/crm`, writer.token, { method: "DELETE" })).status).toBe(204);
    const read = await call(`${api(orgA)}/mcp/servers/crm`, reader);
    expect(read.status).toBe(404);
    expect(await read.json()).toEqual({ error: "invalid_request", error_description: 'There is no MCP server "crm" in this organization' });
    expect((await mcpPost(`${server.origin}/mcp/${orgA.slug}/crm`, null, toolCall("whoami"))).status).toBe(404);
    expect(await server.db.prisma.auditEvent.count({ where: { orgId: orgA.orgId, kind: { in: ["server.updated", "server.deleted"] } } })).toBe(2);
  });

  it("never touches another org's servers", async () => {
    expect((await call(`${api(orgB)}/mcp/servers/demo`, writerB)).status).toBe(200);
    expect((await call(`${api(orgB)}/mcp/servers/remote`, writerB)).status).toBe(404);
  });
});

describe("management API: OpenAPI document", () => {
  it("describes the API with the org's URLs", async () => {
    const response = await fetch(`${api(orgA)}/mcp/openapi.json`);
    expect(response.status).toBe(200);
    const doc = await response.json();
    expect(doc.openapi).toBe("3.1.0");
    expect(doc.servers).toEqual([{ url: api(orgA) }]);
    expect(Object.keys(doc.paths)).toEqual(["/mcp/servers", "/mcp/servers/{server}"]);
    expect(Object.keys(doc.paths["/mcp/servers/{server}"])).toEqual(["parameters", "get", "patch", "delete"]);
    expect(doc.components.securitySchemes.oauth2.flows.clientCredentials).toEqual({
      tokenUrl: `${server.origin}/orgs/${orgA.slug}/api/v1/oauth/token`,
      scopes: { "servers:read": expect.any(String), "servers:write": expect.any(String) },
    });
  });
});
