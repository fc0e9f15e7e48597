import { beforeAll, describe, expect, it } from "vitest";
import { verifyAccessToken } from "@/lib/oauth/access-token/verifyAccessToken";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { createAdminClient } from "@/lib/server/clients/createAdminClient";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { basic, exchangeCode, introspect, obtainCode, obtainTokens, postForm, refresh, registerClient, setUpWorld } from "./securityFixtures";

// Audience confusion (RFC 8707, RFC 9068 §4, RFC 9700 §2.3 and §4.10): a token is for exactly one
// resource of exactly one org. The gateway side (/mcp) is tested with the gateway.
const world = setUpWorld();
const SERVER_B = "https://server-b.example/mcp";
let orgB: SeededOrg;
let resourceServerA: { clientId: string; clientSecret: string };
let resourceServerB: { clientId: string; clientSecret: string };

beforeAll(async () => {
  const prisma = world.server.db.prisma;
  await prisma.mcpServer.create({ data: { orgId: world.org.orgId, slug: "server-b", name: "Server B", resourceUri: SERVER_B, scopes: { create: [{ name: "mcp:tools", isDefault: true }] } } });
  await world.server.db.changes.caughtUp();
  orgB = await seedOrg(prisma);
  const rs = { name: "Resource server", grantTypes: ["client_credentials"], canIntrospect: true, actor: { type: "system" as const, label: "test" } };
  resourceServerA = await createAdminClient(prisma, { ...rs, orgId: world.org.orgId });
  resourceServerB = await createAdminClient(prisma, { ...rs, orgId: orgB.orgId });
});

async function verifyFailure(jwt: string, options: { issuer: string; audience: string; orgId: string }) {
  const runtime = await getOAuthRuntime();
  try {
    await verifyAccessToken(jwt, { issuer: options.issuer, audience: options.audience, keys: await runtime.keys.getPublishedKeys(options.orgId), now: new Date() });
    return null;
  } catch (error) {
    return isOAuthError(error) ? error.toResponseBody() : error;
  }
}

describe("audience attacks", () => {
  it("a token for server A presented to server B (verifyAccessToken)", async () => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    expect(await verifyFailure(tokens.access_token, { issuer: world.issuer, audience: world.demo, orgId: world.org.orgId })).toBeNull();
    expect(await verifyFailure(tokens.access_token, { issuer: world.issuer, audience: SERVER_B, orgId: world.org.orgId })).toEqual({
      error: "invalid_token",
      error_description: "the access token is not intended for this resource",
    });
  });

  it("a token of org A checked as org B's (its issuer and keys)", async () => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    const demoB = `${world.server.origin}/mcp/${orgB.slug}/demo`;
    expect(await verifyFailure(tokens.access_token, { issuer: `${world.server.origin}/orgs/${orgB.slug}`, audience: demoB, orgId: orgB.orgId })).toEqual({
      error: "invalid_token",
      error_description: "the access token is signed by an unknown key",
    });
  });

  it("a token of org A at org B's introspection endpoint, asked by org B's resource server", async () => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    const asB = (token: string) => postForm(`${world.server.origin}/orgs/${orgB.slug}/api/v1/oauth/introspect`, { token }, basic(resourceServerB.clientId, resourceServerB.clientSecret));
    expect((await asB(tokens.access_token)).body).toEqual({ active: false });
    expect((await asB(tokens.refresh_token)).body).toEqual({ active: false });
    // The same tokens are active for org A's own resource server: the refusal is about the org.
    expect((await introspect(world, tokens.access_token, { headers: basic(resourceServerA.clientId, resourceServerA.clientSecret) })).body).toMatchObject({ active: true, aud: world.demo });
  });

  it("org A's resource server credentials at org B's introspection endpoint", async () => {
    const response = await postForm(`${world.server.origin}/orgs/${orgB.slug}/api/v1/oauth/introspect`, { token: "x" }, basic(resourceServerA.clientId, resourceServerA.clientSecret));
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: "invalid_client", error_description: "client authentication failed: unknown client" });
  });

  it.each([
    ["another resource of the org", () => SERVER_B, (r: string) => `resource "${r}" is not the resource this grant was issued for`],
    ["a resource of another org", () => `${world.server.origin}/mcp/${orgB.slug}/demo`, (r: string) => `resource "${r}" is not the resource this grant was issued for`],
    ["two resources at once", () => "__two__", () => "only one resource may be requested per token"],
  ])("a refresh for a resource never granted (%s) is refused with invalid_target and keeps the token", async (_name, target, description) => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    const resource = target();
    const form = resource === "__two__"
      ? `grant_type=refresh_token&client_id=${client.client_id}&refresh_token=${tokens.refresh_token}&resource=${encodeURIComponent(world.demo)}&resource=${encodeURIComponent(SERVER_B)}`
      : { grant_type: "refresh_token", client_id: client.client_id, refresh_token: tokens.refresh_token, resource };
    const response = await postForm(world.endpoint("token"), form);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_target", error_description: description(resource) });
    expect((await refresh(world, client.client_id, tokens.refresh_token)).status).toBe(200);
  });

  it("a code for server A exchanged with resource=server B is refused with invalid_target", async () => {
    const client = await registerClient(world);
    const issued = await obtainCode(world, client.client_id, { resource: world.demo });
    const response = await exchangeCode(world, client.client_id, issued, { resource: SERVER_B });
    expect(response.body).toEqual({ error: "invalid_target", error_description: `resource "${SERVER_B}" is not the resource this grant was issued for` });
  });

  it("client credentials for a resource of another org are refused with invalid_target", async () => {
    const service = await createAdminClient(world.server.db.prisma, { orgId: world.org.orgId, name: "svc", grantTypes: ["client_credentials"], scope: "mcp:tools", actor: { type: "system", label: "test" } });
    const resource = `${world.server.origin}/mcp/${orgB.slug}/demo`;
    const response = await postForm(world.endpoint("token"), { grant_type: "client_credentials", resource }, basic(service.clientId, service.clientSecret));
    expect(response.body).toEqual({ error: "invalid_target", error_description: `resource "${resource}" is not protected by this authorization server` });
  });

  it("the token's aud is the one resource granted, even when the resource is spelled differently", async () => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id, { resource: `${world.demo.replace("http://", "HTTP://")}` });
    const claims = JSON.parse(Buffer.from(tokens.access_token.split(".")[1]!, "base64url").toString());
    expect(claims.aud).toBe(world.demo);
  });
});
