import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signAccessToken } from "@/lib/oauth/access-token/signAccessToken";
import { rotateSigningKey } from "@/lib/server/keys/rotateSigningKey";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { createServer } from "@/lib/server/servers/createServer";
import { mcpPost, toolCall } from "../support/mcpRequests";
import { clientCredentialsToken, userAccessToken } from "../support/mcpTokens";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, TEST_SECRET_KEY_FOR_MCP, type TestServer } from "../support/startMcpTestServer";

let server: TestServer;
let orgA: SeededOrg;
let orgB: SeededOrg;
let tokenForDemoA: string;

const gateway = (org: SeededOrg, slug = "demo") => `${server.origin}/mcp/${org.slug}/${slug}`;
const challenge = (org: SeededOrg, slug: string, description: string) =>
  `Bearer resource_metadata="${server.origin}/.well-known/oauth-protected-resource/mcp/${org.slug}/${slug}", scope="mcp:tools", error="invalid_token", error_description="${description}"`;
const whoami = (url: string, token: string) => mcpPost(url, token, toolCall("whoami", 1));

beforeAll(async () => {
  server = await startTestServer();
  orgA = await seedOrg(server.db.prisma);
  orgB = await seedOrg(server.db.prisma);
  await createServer({ prisma: server.db.prisma, publicUrl: server.origin, secretKey: TEST_SECRET_KEY_FOR_MCP, actor: { type: "system" } }, orgA.orgId, {
    slug: "other",
    name: "Another demo",
    scopes: [{ name: "mcp:tools", isDefault: true }],
  });
  tokenForDemoA = await userAccessToken(server, orgA, { resource: gateway(orgA), scope: "mcp:tools" });
});
afterAll(() => server.close());

describe("audience: a token works only at the resource it was issued for", () => {
  it("accepts the token at its own server", async () => {
    expect((await whoami(gateway(orgA), tokenForDemoA)).status).toBe(200);
  });

  it("refuses it at another server of the same org", async () => {
    const response = await whoami(gateway(orgA, "other"), tokenForDemoA);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge(orgA, "other", "the access token is not intended for this resource"));
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: "the access token is not intended for this resource" });
  });

  it("refuses it at another org's server of the same name (other keys, other issuer)", async () => {
    const response = await whoami(gateway(orgB), tokenForDemoA);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge(orgB, "demo", "the access token is signed by an unknown key"));
  });

  it("refuses a management API token at the gateway", async () => {
    const { token } = await clientCredentialsToken(server, orgA, { resource: `${server.origin}/orgs/${orgA.slug}/api/v1`, clientScope: "servers:read servers:write", scope: "servers:read" });
    const response = await whoami(gateway(orgA), token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge(orgA, "demo", "the access token is not intended for this resource"));
  });

  it("accepts a client-credentials token for the server, with the client as the subject", async () => {
    const { token, clientId } = await clientCredentialsToken(server, orgA, { resource: gateway(orgA), clientScope: "mcp:tools" });
    const response = await whoami(gateway(orgA), token);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain(`\\"subject\\": \\"${clientId}\\"`);
  });
});

describe("revocation and expiry reach the gateway at once", () => {
  it("refuses a token whose grant was revoked", async () => {
    const token = await userAccessToken(server, orgA, { resource: gateway(orgA), scope: "mcp:tools" });
    expect((await whoami(gateway(orgA), token)).status).toBe(200);
    const grantId = JSON.parse(Buffer.from(token.split(".")[1]!, "base64url").toString()).grant_id;
    const runtime = await getOAuthRuntime();
    await runtime.grants.revoke(grantId, "test", new Date());
    const response = await whoami(gateway(orgA), token);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge(orgA, "demo", "the access token has been revoked"));
  });

  it("refuses a token revoked at the revocation endpoint (RFC 7009)", async () => {
    const { token, basic } = await clientCredentialsToken(server, orgA, { resource: gateway(orgA), clientScope: "mcp:tools" });
    expect((await whoami(gateway(orgA), token)).status).toBe(200);
    const revoked = await fetch(`${server.origin}/orgs/${orgA.slug}/api/v1/oauth/revoke`, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token }),
    });
    expect(revoked.status).toBe(200);
    const response = await whoami(gateway(orgA), token);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "invalid_token", error_description: "the access token has been revoked" });
  });

  it("refuses an expired token", async () => {
    const runtime = await getOAuthRuntime();
    const claims = JSON.parse(Buffer.from(tokenForDemoA.split(".")[1]!, "base64url").toString());
    const now = Math.floor(Date.now() / 1000);
    const expired = await signAccessToken({ ...claims, iat: now - 7200, exp: now - 3600 }, await runtime.keys.getActiveSigningKey(orgA.orgId));
    const response = await whoami(gateway(orgA), expired);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(challenge(orgA, "demo", "the access token has expired"));
  });

  it("follows a key rotation: tokens of the new key are accepted, those of the retiring key still are", async () => {
    expect((await whoami(gateway(orgA), tokenForDemoA)).status).toBe(200);
    await rotateSigningKey(server.db.prisma, orgA.orgId, TEST_SECRET_KEY_FOR_MCP, { type: "system", label: "test" });
    const fresh = await userAccessToken(server, orgA, { resource: gateway(orgA), scope: "mcp:tools" });
    // An unknown kid refetches the org's keys, at most once a second.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect((await whoami(gateway(orgA), fresh)).status).toBe(200);
    expect((await whoami(gateway(orgA), tokenForDemoA)).status).toBe(200);
  });
});
