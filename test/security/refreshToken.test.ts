import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seedOrg } from "../support/seedOrg";
import { basic, introspect, obtainTokens, postForm, refresh, registerClient, setUpWorld } from "./securityFixtures";

// Refresh token attacks (RFC 6749 §6 and §10.4, RFC 9700 §4.14): rotation with reuse detection,
// binding to the client, no scope growth, and a refused refresh never consumes the token.
const world = setUpWorld();
const hash = (token: string) => createHash("sha256").update(token).digest("base64url");
const row = (token: string) => world.server.db.prisma.refreshToken.findUniqueOrThrow({ where: { tokenHash: hash(token) } });

describe("refresh token attacks", () => {
  it("reuse of a rotated token by a racing thief: two refreshes at once, then the family and grant are revoked", async () => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    const answers = await Promise.all([refresh(world, client.client_id, tokens.refresh_token), refresh(world, client.client_id, tokens.refresh_token)]);
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeLessThanOrEqual(1);
    expect(answers.map((a) => a.body.error_description)).toContain("the refresh token has already been used; access has been revoked");
    for (const { body } of won) {
      expect((await refresh(world, client.client_id, body.refresh_token)).body.error).toBe("invalid_grant");
      expect((await introspect(world, body.access_token, { clientId: client.client_id })).body).toEqual({ active: false });
    }
    const family = await world.server.db.prisma.refreshToken.findMany({ where: { familyId: (await row(tokens.refresh_token)).familyId } });
    expect(family.every((t) => t.revokedAt !== null)).toBe(true);
    expect(await world.server.db.prisma.grant.findUniqueOrThrow({ where: { id: family[0]!.grantId } })).toMatchObject({ revokedReason: "refresh token reused" });
  });

  it.each([
    ["a scope defined but not granted", "mcp:tools mcp:admin", 'scope "mcp:admin" was not granted to this refresh token'],
    ["a scope of another resource", "servers:write", 'scope "servers:write" was not granted to this refresh token'],
    ["an undefined scope", "root", 'scope "root" was not granted to this refresh token'],
    ["a scope with a forbidden character", 'mcp:tools "admin', "scope contains characters not allowed in a scope (RFC 6749 §3.3)"],
  ])("scope escalation at refresh (%s) is refused and the token stays usable", async (_name, scope, description) => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    const response = await refresh(world, client.client_id, tokens.refresh_token, { scope });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_scope", error_description: description });
    const ok = await refresh(world, client.client_id, tokens.refresh_token);
    expect(ok.status).toBe(200);
    expect(ok.body.scope).toBe("mcp:tools");
  });

  it("a narrower scope is granted for the access token only; the successor keeps the original scopes", async () => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id, { scope: "mcp:tools mcp:admin" });
    const narrowed = await refresh(world, client.client_id, tokens.refresh_token, { scope: "mcp:tools" });
    expect(narrowed.body.scope).toBe("mcp:tools");
    const widened = await refresh(world, client.client_id, narrowed.body.refresh_token, { scope: "mcp:tools mcp:admin" });
    expect(widened.body.scope).toBe("mcp:tools mcp:admin");
  });

  it("a refresh by another client is refused and the token stays usable by its owner", async () => {
    const owner = await registerClient(world);
    const thief = await registerClient(world);
    const tokens = await obtainTokens(world, owner.client_id);
    const stolen = await refresh(world, thief.client_id, tokens.refresh_token);
    expect(stolen.status).toBe(400);
    expect(stolen.body).toEqual({ error: "invalid_grant", error_description: "the refresh token was issued to another client" });
    expect((await row(tokens.refresh_token)).rotatedAt).toBeNull();
    expect((await refresh(world, owner.client_id, tokens.refresh_token)).status).toBe(200);
  });

  it("a refresh by a confidential client with its own valid secret, presenting a public client's token", async () => {
    const owner = await registerClient(world);
    const thief = await registerClient(world, { token_endpoint_auth_method: "client_secret_basic" });
    const tokens = await obtainTokens(world, owner.client_id);
    const stolen = await postForm(world.endpoint("token"), { grant_type: "refresh_token", refresh_token: tokens.refresh_token }, basic(thief.client_id, thief.client_secret!));
    expect(stolen.body).toEqual({ error: "invalid_grant", error_description: "the refresh token was issued to another client" });
    expect((await refresh(world, owner.client_id, tokens.refresh_token)).status).toBe(200);
  });

  it.each([
    ["an unknown grant_type", { grant_type: "refresh" }, 400, "unsupported_grant_type"],
    ["no client_id", { client_id: "" }, 401, "invalid_client"],
    ["a resource never granted", { resource: "https://elsewhere.example/mcp" }, 400, "invalid_target"],
    ["a repeated refresh_token parameter", "__repeat__", 400, "invalid_request"],
    ["a client that lacks the refresh_token grant", "__no_refresh_grant__", 400, "unauthorized_client"],
  ])("a failed refresh (%s) does not consume the token", async (_name, change, status, error) => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    let response;
    if (change === "__repeat__") {
      response = await postForm(world.endpoint("token"), `grant_type=refresh_token&client_id=${client.client_id}&refresh_token=${tokens.refresh_token}&refresh_token=${tokens.refresh_token}`);
    } else if (change === "__no_refresh_grant__") {
      await world.server.db.prisma.client.updateMany({ where: { clientId: client.client_id }, data: { grantTypes: ["authorization_code"] } });
      await world.server.db.changes.caughtUp();
      response = await refresh(world, client.client_id, tokens.refresh_token);
      await world.server.db.prisma.client.updateMany({ where: { clientId: client.client_id }, data: { grantTypes: ["authorization_code", "refresh_token"] } });
      await world.server.db.changes.caughtUp();
    } else {
      response = await refresh(world, client.client_id, tokens.refresh_token, change as Record<string, string>);
    }
    expect(response.status).toBe(status);
    expect(response.body.error).toBe(error);
    expect(await row(tokens.refresh_token)).toMatchObject({ rotatedAt: null, revokedAt: null });
    expect((await refresh(world, client.client_id, tokens.refresh_token)).status).toBe(200);
  });

  it("an expired refresh token", async () => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    await world.server.db.prisma.refreshToken.update({ where: { tokenHash: hash(tokens.refresh_token) }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await refresh(world, client.client_id, tokens.refresh_token)).body).toEqual({ error: "invalid_grant", error_description: "the refresh token has expired" });
  });

  it("a refresh token whose grant the user revoked", async () => {
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    await world.server.db.prisma.grant.update({ where: { id: (await row(tokens.refresh_token)).grantId }, data: { revokedAt: new Date() } });
    await world.server.db.changes.caughtUp();
    expect((await refresh(world, client.client_id, tokens.refresh_token)).body).toEqual({ error: "invalid_grant", error_description: "the authorization grant has been revoked" });
  });

  it("a refresh token of org A at org B's token endpoint", async () => {
    const other = await seedOrg(world.server.db.prisma);
    const client = await registerClient(world);
    const tokens = await obtainTokens(world, client.client_id);
    const response = await postForm(`${world.server.origin}/orgs/${other.slug}/api/v1/oauth/token`, { grant_type: "refresh_token", client_id: client.client_id, refresh_token: tokens.refresh_token });
    expect(response.body).toEqual({ error: "invalid_client", error_description: "client authentication failed: unknown client" });
    expect((await refresh(world, client.client_id, tokens.refresh_token)).status).toBe(200);
  });
});
