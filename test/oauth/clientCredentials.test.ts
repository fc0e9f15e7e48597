import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient } from "@/lib/server/clients/createAdminClient";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

let server: TestServer;
let org: SeededOrg;
let as: oauth.AuthorizationServer;
let service: { clientId: string; clientSecret: string };
const insecure = { [oauth.allowInsecureRequests]: true } as const;

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
  const issuer = new URL(`${server.origin}/orgs/${org.slug}`);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
  service = await createAdminClient(server.db.prisma, { orgId: org.orgId, name: "Billing service", grantTypes: ["client_credentials"], scope: "mcp:tools", actor: { type: "system", label: "test" } });
});
afterAll(() => server.close());

const demo = () => `${server.origin}/mcp/${org.slug}/demo`;

async function clientCredentials(secret: string, parameters: Record<string, string>) {
  const client: oauth.Client = { client_id: service.clientId };
  return oauth.clientCredentialsGrantRequest(as, client, oauth.ClientSecretBasic(secret), new URLSearchParams(parameters), insecure);
}

describe("client_credentials", () => {
  it("issues an RFC 9068 JWT bound to the resource, verifiable with the JWKS", async () => {
    const response = await clientCredentials(service.clientSecret, { resource: demo(), scope: "mcp:tools" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    const tokens = await oauth.processClientCredentialsResponse(as, { client_id: service.clientId }, response);
    expect(tokens).toMatchObject({ token_type: "bearer", expires_in: 3600, scope: "mcp:tools" });
    expect(tokens).not.toHaveProperty("refresh_token");

    const jwks = createRemoteJWKSet(new URL(as.jwks_uri!));
    const { payload, protectedHeader } = await jwtVerify(tokens.access_token, jwks, { issuer: as.issuer, audience: demo(), typ: "at+jwt", algorithms: ["ES256"] });
    expect(protectedHeader.typ).toBe("at+jwt");
    expect(payload).toMatchObject({ iss: `${server.origin}/orgs/${org.slug}`, aud: demo(), client_id: service.clientId, sub: service.clientId, scope: "mcp:tools" });
    expect(payload.exp! - payload.iat!).toBe(3600);
    expect(typeof payload.jti).toBe("string");
    const audit = await server.db.prisma.auditEvent.findFirst({ where: { orgId: org.orgId, kind: "token.issued", clientId: service.clientId } });
    expect(audit?.details).toMatchObject({ grant_type: "client_credentials", scope: "mcp:tools" });
  });

  it("uses the org's default resource when none is named", async () => {
    const tokens = await oauth.processClientCredentialsResponse(as, { client_id: service.clientId }, await clientCredentials(service.clientSecret, {}));
    expect(decodeProtectedHeader(tokens.access_token).typ).toBe("at+jwt");
    const claims = JSON.parse(Buffer.from(tokens.access_token.split(".")[1]!, "base64url").toString());
    expect(claims.aud).toBe(demo());
  });

  it.each([
    ["a wrong secret", "not-the-secret", {}, 401, "invalid_client"],
    ["a scope the client was not given", null, { scope: "mcp:admin" }, 400, "invalid_scope"],
    ["a resource the org does not have", null, { resource: "https://elsewhere.example/mcp" }, 400, "invalid_target"],
  ])("refuses %s", async (_name, secret, parameters, status, error) => {
    const response = await clientCredentials(secret ?? service.clientSecret, parameters as Record<string, string>);
    expect(response.status).toBe(status);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(body.error).toBe(error);
    expect(typeof body.error_description).toBe("string");
    const refused = await server.db.prisma.auditEvent.findFirst({ where: { orgId: org.orgId, kind: "token.refused" }, orderBy: { at: "desc" } });
    expect(refused?.details).toMatchObject({ error });
  });

  it.each([
    ["no grant_type", "client_id=x", "invalid_request", "grant_type is required"],
    ["an unsupported grant_type", "grant_type=password&username=a&password=b", "unsupported_grant_type", 'grant_type "password" is not supported'],
    ["a repeated parameter", "grant_type=client_credentials&grant_type=client_credentials", "invalid_request", 'parameter "grant_type" is included more than once'],
  ])("refuses %s", async (_name, body, error, description) => {
    const response = await fetch(as.token_endpoint!, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error, error_description: description });
  });

  it("refuses a JSON body", async () => {
    const response = await fetch(as.token_endpoint!, { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    expect(await response.json()).toEqual({ error: "invalid_request", error_description: "Send the parameters as application/x-www-form-urlencoded in the request body" });
  });
});
