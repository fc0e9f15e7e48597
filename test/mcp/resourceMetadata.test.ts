import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "@/lib/server/servers/createServer";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, TEST_SECRET_KEY_FOR_MCP, type TestServer } from "../support/startMcpTestServer";

let server: TestServer;
let org: SeededOrg;
const insecure = { [oauth.allowInsecureRequests]: true } as const;

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
  await createServer(
    { prisma: server.db.prisma, publicUrl: server.origin, secretKey: TEST_SECRET_KEY_FOR_MCP, actor: { type: "system", label: "test" } },
    org.orgId,
    { slug: "billing", name: "Billing MCP", resourceUri: "https://MCP.Billing.example.com:443/", scopes: [{ name: "billing:read", isDefault: true }, { name: "billing:write" }] },
  );
});
afterAll(() => server.close());

const issuer = () => `${server.origin}/orgs/${org.slug}`;
const demo = () => `${server.origin}/mcp/${org.slug}/demo`;
const demoMetadata = () => `${server.origin}/.well-known/oauth-protected-resource/mcp/${org.slug}/demo`;

describe("protected resource metadata (RFC 9728)", () => {
  it.each([
    ["the path-insertion form", "/.well-known/oauth-protected-resource/mcp/{org}/demo"],
    ["the form under the org", "/orgs/{org}/api/v1/.well-known/oauth-protected-resource/mcp/demo"],
  ])("serves the gateway server's document at %s, CORS-open and briefly cacheable", async (_name, template) => {
    const response = await fetch(server.origin + template.replace("{org}", org.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=60");
    expect(await response.json()).toEqual({
      resource: demo(),
      authorization_servers: [issuer()],
      scopes_supported: ["mcp:tools", "mcp:admin"],
      bearer_methods_supported: ["header"],
      resource_name: "Demo MCP server",
    });
  });

  it("passes oauth4webapi's RFC 9728 validation (resource equals the identifier the client used)", async () => {
    const metadata = await oauth.processResourceDiscoveryResponse(new URL(demo()), await oauth.resourceDiscoveryRequest(new URL(demo()), insecure));
    expect(metadata.resource).toBe(demo());
    expect(metadata.authorization_servers).toEqual([issuer()]);
  });

  it("serves a server hosted elsewhere under the org only, with its canonical identifier", async () => {
    const response = await fetch(`${issuer()}/api/v1/.well-known/oauth-protected-resource/mcp/billing`);
    expect(await response.json()).toEqual({
      resource: "https://mcp.billing.example.com",
      authorization_servers: [issuer()],
      scopes_supported: ["billing:read", "billing:write"],
      bearer_methods_supported: ["header"],
      resource_name: "Billing MCP",
    });
    const inserted = await fetch(`${server.origin}/.well-known/oauth-protected-resource/mcp/${org.slug}/billing`);
    expect(inserted.status).toBe(404);
    expect(await inserted.json()).toEqual({
      error: "invalid_request",
      error_description: `The MCP server "billing" is hosted elsewhere; its metadata is at ${issuer()}/api/v1/.well-known/oauth-protected-resource/mcp/billing`,
    });
  });

  it.each([
    ["/orgs/{org}/api/v1/.well-known/oauth-protected-resource"],
    ["/.well-known/oauth-protected-resource/orgs/{org}/api/v1"],
  ])("serves the management API's root document at %s", async (template) => {
    const response = await fetch(server.origin + template.replace("{org}", org.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(await response.json()).toEqual({
      resource: `${issuer()}/api/v1`,
      authorization_servers: [issuer()],
      scopes_supported: ["servers:read", "servers:write"],
      bearer_methods_supported: ["header"],
      resource_name: `${org.slug.toUpperCase()} management API`,
      resource_documentation: `${issuer()}/api/v1/mcp/openapi.json`,
    });
  });

  it.each([
    [`/.well-known/oauth-protected-resource/mcp/{org}/nope`, 'There is no MCP server "nope" in organization "{org}" on this server'],
    [`/.well-known/oauth-protected-resource/mcp/no-such-org/demo`, 'There is no MCP server "demo" in organization "no-such-org" on this server'],
    [`/orgs/no-such-org/api/v1/.well-known/oauth-protected-resource`, 'There is no organization "no-such-org" on this server'],
  ])("answers %s with a 404 in OAuth form", async (template, description) => {
    const response = await fetch(server.origin + template.replace("{org}", org.slug));
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: description.replace("{org}", org.slug) });
  });

  it("refuses offline_access as a resource scope, so metadata never lists it", async () => {
    await expect(
      createServer({ prisma: server.db.prisma, publicUrl: server.origin, secretKey: TEST_SECRET_KEY_FOR_MCP, actor: { type: "system" } }, org.orgId, {
        slug: "x",
        name: "X",
        scopes: [{ name: "offline_access" }],
      }),
    ).rejects.toMatchObject({ code: "invalid", field: "scopes.0.name", message: "offline_access is reserved: refresh tokens are the authorization server's business" });
  });
});

describe("the 401 challenge", () => {
  const challenge = () => `Bearer resource_metadata="${demoMetadata()}", scope="mcp:tools"`;

  it.each(["GET", "POST"])("the challenge endpoint answers %s exactly as the gateway does without a token", async (method) => {
    const response = await fetch(`${issuer()}/api/v1/mcp/demo/challenge`, { method });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge());
    expect(response.headers.get("access-control-expose-headers")).toContain("WWW-Authenticate");
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body).toMatchObject({
      error: "invalid_token",
      resource: demo(),
      resource_metadata: demoMetadata(),
      authorization_servers: [issuer()],
      scope: "mcp:tools",
      www_authenticate: challenge(),
    });
    expect(body.next_steps).toHaveLength(5);

    const gateway = await fetch(demo(), { method, headers: { accept: "application/json, text/event-stream", "content-type": "application/json" }, body: method === "POST" ? "{}" : undefined });
    expect(gateway.status).toBe(401);
    expect(gateway.headers.get("www-authenticate")).toBe(challenge());
    expect(gateway.headers.get("access-control-expose-headers")).toContain("WWW-Authenticate");
    expect(await gateway.json()).toEqual({ error: "invalid_token", error_description: body.error_description });
  });

  it("names the org's metadata URL for a server hosted elsewhere", async () => {
    const response = await fetch(`${issuer()}/api/v1/mcp/billing/challenge`);
    expect(response.headers.get("www-authenticate")).toBe(`Bearer resource_metadata="${issuer()}/api/v1/.well-known/oauth-protected-resource/mcp/billing", scope="billing:read"`);
  });

  it.each([
    ["another scheme", "Basic dXNlcjpwYXNz", null],
    ["Bearer without a token", "Bearer", "the Authorization header has the Bearer scheme but no token"],
    ["a token with a space", "Bearer a b", "the access token contains characters a bearer token cannot have (RFC 6750 section 2.1)"],
    ["garbage", "Bearer not-a-jwt", "the access token is malformed"],
    ["an unsigned JWT", `Bearer ${Buffer.from('{"alg":"none","typ":"at+jwt"}').toString("base64url")}.${Buffer.from("{}").toString("base64url")}.`, "the access token is signed with an unsupported algorithm; only ES256 is accepted"],
  ])("answers %s with 401 and the right challenge", async (_name, authorization, description) => {
    const response = await fetch(demo(), { method: "POST", headers: { authorization, "content-type": "application/json", accept: "application/json, text/event-stream" }, body: "{}" });
    expect(response.status).toBe(401);
    const expected = description === null ? challenge() : `${challenge()}, error="invalid_token", error_description="${description}"`;
    expect(response.headers.get("www-authenticate")).toBe(expected);
    if (description !== null) expect(await response.json()).toEqual({ error: "invalid_token", error_description: description });
  });

  it("answers a CORS preflight of the gateway, allowing the MCP headers", async () => {
    const response = await fetch(demo(), { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("POST, GET, DELETE, OPTIONS");
    expect(response.headers.get("access-control-allow-headers")).toContain("Mcp-Session-Id");
  });
});
