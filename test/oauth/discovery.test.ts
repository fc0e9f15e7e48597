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

const issuer = () => `${server.origin}/orgs/${org.slug}`;

describe("authorization server metadata", () => {
  it("passes oauth4webapi's strict discovery (RFC 8414 path-insertion form) with the exact issuer", async () => {
    const url = new URL(issuer());
    const response = await oauth.discoveryRequest(url, { algorithm: "oauth2", [oauth.allowInsecureRequests]: true });
    const as = await oauth.processDiscoveryResponse(url, response);
    expect(as.issuer).toBe(issuer());
    expect(as).toMatchObject({
      authorization_endpoint: `${issuer()}/api/v1/oauth/authorize`,
      token_endpoint: `${issuer()}/api/v1/oauth/token`,
      registration_endpoint: `${issuer()}/api/v1/oauth/register`,
      jwks_uri: `${issuer()}/api/v1/oauth/jwks`,
      introspection_endpoint: `${issuer()}/api/v1/oauth/introspect`,
      revocation_endpoint: `${issuer()}/api/v1/oauth/revoke`,
      response_types_supported: ["code"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
    });
    expect(as.grant_types_supported).toEqual(expect.arrayContaining(["authorization_code", "refresh_token", "client_credentials"]));
    expect(as.scopes_supported).toEqual(expect.arrayContaining(["mcp:tools", "mcp:admin"]));
    expect(as.scopes_supported).not.toContain("offline_access");
  });

  it("passes oauth4webapi's OpenID Connect discovery (/.well-known/openid-configuration appended)", async () => {
    const url = new URL(issuer());
    const as = await oauth.processDiscoveryResponse(url, await oauth.discoveryRequest(url, { algorithm: "oidc", [oauth.allowInsecureRequests]: true }));
    expect(as.issuer).toBe(issuer());
  });

  it.each([
    "/.well-known/oauth-authorization-server/orgs/{org}",
    "/.well-known/openid-configuration/orgs/{org}",
    "/orgs/{org}/.well-known/openid-configuration",
    "/orgs/{org}/api/v1/.well-known/oauth-authorization-server",
  ])("serves the same document at %s, cacheable and CORS-open", async (template) => {
    const response = await fetch(server.origin + template.replace("{org}", org.slug));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("cache-control")).toBe("public, max-age=300");
    expect((await response.json()).issuer).toBe(issuer());
  });

  it("answers a CORS preflight", async () => {
    const response = await fetch(`${server.origin}/.well-known/oauth-authorization-server/orgs/${org.slug}`, { method: "OPTIONS" });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-methods")).toBe("GET, OPTIONS");
  });

  it("answers an unknown org with a 404 in OAuth form", async () => {
    const response = await fetch(`${server.origin}/.well-known/oauth-authorization-server/orgs/nope`);
    expect(response.status).toBe(404);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: 'There is no organization "nope" on this server' });
  });

  it("refuses other methods with 405 and Allow", async () => {
    const response = await fetch(`${server.origin}/orgs/${org.slug}/api/v1/oauth/jwks`, { method: "POST" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, OPTIONS");
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "POST is not supported here; use GET" });
  });

  it("drops registration_endpoint when open registration is off", async () => {
    await server.db.prisma.org.update({ where: { id: org.orgId }, data: { openRegistration: false } });
    await server.db.changes.caughtUp();
    const body = await (await fetch(`${server.origin}/.well-known/oauth-authorization-server/orgs/${org.slug}`)).json();
    expect(body).not.toHaveProperty("registration_endpoint");
    await server.db.prisma.org.update({ where: { id: org.orgId }, data: { openRegistration: true } });
    await server.db.changes.caughtUp();
  });
});

describe("JWKS", () => {
  it("publishes the org's ES256 public key and nothing private", async () => {
    const response = await fetch(`${issuer()}/api/v1/oauth/jwks`);
    expect(response.status).toBe(200);
    const { keys } = await response.json();
    const stored = await server.db.prisma.signingKey.findFirstOrThrow({ where: { orgId: org.orgId } });
    expect(keys).toEqual([expect.objectContaining({ kty: "EC", crv: "P-256", alg: "ES256", use: "sig", kid: stored.kid })]);
    expect(keys[0]).not.toHaveProperty("d");
  });
});
