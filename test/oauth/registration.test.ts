import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

let server: TestServer;
let org: SeededOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
});
afterAll(() => server.close());

const registerUrl = () => `${server.origin}/orgs/${org.slug}/api/v1/oauth/register`;
const register = (body: unknown, headers: Record<string, string> = { "content-type": "application/json" }) =>
  fetch(registerUrl(), { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) });

const publicClient = { client_name: "Test MCP client", redirect_uris: ["http://127.0.0.1:33418/callback"], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] };

describe("dynamic client registration (RFC 7591)", () => {
  it("registers a public MCP client through oauth4webapi and stores nothing secret in clear", async () => {
    const issuer = new URL(`${server.origin}/orgs/${org.slug}`);
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", [oauth.allowInsecureRequests]: true }));
    const response = await oauth.dynamicClientRegistrationRequest(as, publicClient, { [oauth.allowInsecureRequests]: true });
    expect(response.headers.get("cache-control")).toBe("no-store");
    const client = await oauth.processDynamicClientRegistrationResponse(response);
    expect(client.client_id).toMatch(/^gh_[A-Za-z0-9_-]{22}$/);
    expect(client).not.toHaveProperty("client_secret");
    expect(client).toMatchObject({ ...publicClient, response_types: ["code"], application_type: "web" });
    expect(typeof client.registration_access_token).toBe("string");
    expect(client.registration_client_uri).toBe(`${issuer.href}/api/v1/oauth/register/${client.client_id}`);

    const row = await server.db.prisma.client.findFirstOrThrow({ where: { clientId: client.client_id as string } });
    expect(row).toMatchObject({ source: "dcr", secretHash: null, tokenEndpointAuthMethod: "none" });
    expect(row.registrationAccessTokenHash).not.toBe(client.registration_access_token);
    const audit = await server.db.prisma.auditEvent.findFirstOrThrow({ where: { kind: "client.registered", clientId: client.client_id as string } });
    expect(audit.orgId).toBe(org.orgId);
  });

  it("registers a confidential client and shows its secret once, with client_secret_expires_at 0", async () => {
    const response = await register({ ...publicClient, token_endpoint_auth_method: "client_secret_basic" });
    expect(response.status).toBe(201);
    const body = await response.json();
    expect(body.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.client_secret_expires_at).toBe(0);
    const row = await server.db.prisma.client.findFirstOrThrow({ where: { clientId: body.client_id } });
    expect(row.secretHash).not.toBeNull();
    expect(row.secretHash).not.toBe(body.client_secret);
  });

  it.each([
    ["client_credentials through open registration", { ...publicClient, token_endpoint_auth_method: "client_secret_basic", grant_types: ["client_credentials"] }, "invalid_client_metadata", "grant_types: client_credentials is not available through open registration"],
    ["a javascript: redirect URI", { ...publicClient, redirect_uris: ["javascript:alert(1)"] }, "invalid_redirect_uri", 'redirect_uris[0] "javascript:alert(1)" uses the scheme "javascript", which is not allowed'],
    ["a data: redirect URI", { ...publicClient, redirect_uris: ["data:text/html,hi"] }, "invalid_redirect_uri", 'redirect_uris[0] "data:text/html,hi" uses the scheme "data", which is not allowed'],
    ["http on a public host", { ...publicClient, redirect_uris: ["http://evil.example/cb"] }, "invalid_redirect_uri", 'redirect_uris[0] "http://evil.example/cb" uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https'],
    ["a fragment", { ...publicClient, redirect_uris: ["https://app.example/cb#x"] }, "invalid_redirect_uri", 'redirect_uris[0] "https://app.example/cb#x" must not include a fragment'],
    ["no redirect URIs", { ...publicClient, redirect_uris: undefined }, "invalid_redirect_uri", "redirect_uris is required when grant_types includes authorization_code"],
    ["an unknown auth method", { ...publicClient, token_endpoint_auth_method: "private_key_jwt" }, "invalid_client_metadata", 'token_endpoint_auth_method: "private_key_jwt" is not supported (supported: none, client_secret_basic, client_secret_post)'],
    ["an unknown grant type", { ...publicClient, grant_types: ["implicit"] }, "invalid_client_metadata", 'grant_types: "implicit" is not supported (supported: authorization_code, refresh_token, client_credentials)'],
    ["a JSON array", [publicClient], "invalid_client_metadata", "The request body must be a JSON object"],
  ])("refuses %s", async (_name, body, error, description) => {
    const before = await server.db.prisma.client.count();
    const response = await register(body);
    expect(response.status).toBe(400);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error, error_description: description });
    expect(await server.db.prisma.client.count()).toBe(before);
  });

  it.each([
    ["a body that is not JSON", "{nope", { "content-type": "application/json" }, "The request body is not valid JSON"],
    ["a form body", "client_name=x", { "content-type": "application/x-www-form-urlencoded" }, "Send the request body as application/json"],
  ])("refuses %s", async (_name, body, headers, description) => {
    const response = await register(body, headers);
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: "invalid_client_metadata", error_description: description });
  });

  it("refuses a body over 64 KiB with 413", async () => {
    const response = await register({ ...publicClient, client_name: "x".repeat(70_000) });
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "The request body exceeds 65536 bytes" });
  });

  it("refuses registration when the org turned open registration off", async () => {
    await server.db.prisma.org.update({ where: { id: org.orgId }, data: { openRegistration: false } });
    await server.db.changes.caughtUp();
    const response = await register(publicClient);
    await server.db.prisma.org.update({ where: { id: org.orgId }, data: { openRegistration: true } });
    await server.db.changes.caughtUp();
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "access_denied", error_description: `Open registration is turned off for ${org.slug.toUpperCase()}: ask its administrator to register your client` });
  });
});

describe("client configuration (RFC 7592)", () => {
  async function registered() {
    return (await register(publicClient)).json() as Promise<{ client_id: string; registration_access_token: string; registration_client_uri: string }>;
  }
  const bearer = (token: string) => ({ authorization: `Bearer ${token}`, "content-type": "application/json" });

  it("reads, updates and deletes a registration with its registration access token", async () => {
    const client = await registered();
    const read = await fetch(client.registration_client_uri, { headers: bearer(client.registration_access_token) });
    expect(read.status).toBe(200);
    const current = await read.json();
    expect(current).toMatchObject({ client_id: client.client_id, redirect_uris: publicClient.redirect_uris });
    expect(current).not.toHaveProperty("registration_access_token");

    const update = await fetch(client.registration_client_uri, { method: "PUT", headers: bearer(client.registration_access_token), body: JSON.stringify({ ...publicClient, client_id: client.client_id, redirect_uris: ["https://app.example/cb"] }) });
    expect(update.status).toBe(200);
    expect((await update.json()).redirect_uris).toEqual(["https://app.example/cb"]);

    const del = await fetch(client.registration_client_uri, { method: "DELETE", headers: bearer(client.registration_access_token) });
    expect(del.status).toBe(204);
    expect(await server.db.prisma.client.findFirst({ where: { clientId: client.client_id } })).toBeNull();
  });

  it.each([
    ["no token", {}, "Send the registration access token as Authorization: Bearer <token>", "Bearer"],
    ["a wrong token", { authorization: "Bearer wrong-token" }, "The registration access token is not valid for this client", 'Bearer error="invalid_token"'],
  ])("answers %s with 401 invalid_token", async (_name, headers, description, challenge) => {
    const client = await registered();
    const response = await fetch(client.registration_client_uri, { headers });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge);
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: description });
  });

  it("answers an unknown client exactly like a wrong token, revealing nothing", async () => {
    const client = await registered();
    const response = await fetch(`${registerUrl()}/gh_doesnotexist`, { headers: bearer(client.registration_access_token) });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: "The registration access token is not valid for this client" });
  });

  it("refuses an update that changes the auth method or names another client", async () => {
    const client = await registered();
    const change = await fetch(client.registration_client_uri, { method: "PUT", headers: bearer(client.registration_access_token), body: JSON.stringify({ ...publicClient, client_id: client.client_id, token_endpoint_auth_method: "client_secret_post" }) });
    expect(await change.json()).toEqual({ error: "invalid_client_metadata", error_description: 'token_endpoint_auth_method cannot change from "none"; register a new client instead' });
    const other = await fetch(client.registration_client_uri, { method: "PUT", headers: bearer(client.registration_access_token), body: JSON.stringify({ ...publicClient, client_id: "someone-else" }) });
    expect(other.status).toBe(400);
    expect(await other.json()).toEqual({ error: "invalid_request", error_description: "client_id must be present and equal to the client being updated" });
  });
});
