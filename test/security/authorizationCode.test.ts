import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { seedOrg } from "../support/seedOrg";
import { exchangeCode, introspect, obtainCode, postForm, refresh, registerClient, setUpWorld } from "./securityFixtures";

// Attacks on the authorization code at the token endpoint (RFC 6749 §4.1.3 and §10.5, RFC 9700 §4.5).
const world = setUpWorld();
const codeRow = (code: string) => world.server.db.prisma.authorizationCode.findUniqueOrThrow({ where: { codeHash: createHash("sha256").update(code).digest("base64url") } });

describe("authorization code attacks", () => {
  it("code replay, two exchanges at once: at most one wins, and nothing issued under the code stays alive", async () => {
    const client = await registerClient(world);
    const issued = await obtainCode(world, client.client_id);
    const answers = await Promise.all([exchangeCode(world, client.client_id, issued), exchangeCode(world, client.client_id, issued)]);
    const won = answers.filter((a) => a.status === 200);
    expect(won.length).toBeLessThanOrEqual(1);
    for (const lost of answers.filter((a) => a.status !== 200)) {
      expect(lost.status).toBe(400);
      expect(lost.body.error).toBe("invalid_grant");
    }
    expect(answers.map((a) => a.body.error_description)).toContain("the authorization code has already been used; tokens issued with it have been revoked");
    for (const { body } of won) {
      expect((await introspect(world, body.access_token, { clientId: client.client_id })).body).toEqual({ active: false });
      // Either the family was revoked with the grant, or (the replay revoked the grant while the
      // winner was still minting) the grant check refuses it: both are final.
      expect([
        { error: "invalid_grant", error_description: "the refresh token has been revoked" },
        { error: "invalid_grant", error_description: "the authorization grant has been revoked" },
      ]).toContainEqual((await refresh(world, client.client_id, body.refresh_token)).body);
    }
    const grant = await world.server.db.prisma.grant.findUniqueOrThrow({ where: { id: (await codeRow(issued.code)).grantId } });
    expect(grant).toMatchObject({ revokedReason: "authorization code reused" });
  });

  it("code used by another client: refused, and the code is burned for its own client too", async () => {
    const victim = await registerClient(world);
    const thief = await registerClient(world);
    const issued = await obtainCode(world, victim.client_id);
    const stolen = await exchangeCode(world, thief.client_id, issued);
    expect(stolen.status).toBe(400);
    expect(stolen.body).toEqual({ error: "invalid_grant", error_description: "the authorization code was issued to another client" });
    const late = await exchangeCode(world, victim.client_id, issued);
    expect(late.body).toEqual({ error: "invalid_grant", error_description: "the authorization code has already been used; tokens issued with it have been revoked" });
  });

  it("code used after it expired", async () => {
    const client = await registerClient(world);
    const issued = await obtainCode(world, client.client_id);
    const row = await codeRow(issued.code);
    await world.server.db.prisma.authorizationCode.update({ where: { id: row.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const response = await exchangeCode(world, client.client_id, issued);
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_grant", error_description: "the authorization code has expired" });
  });

  it.each([
    ["another path", "http://127.0.0.1:{port}/other"],
    ["another loopback port than the authorization request", "http://127.0.0.1:{other}/callback"],
    ["another loopback host", "http://localhost:{port}/callback"],
    ["an added query", "http://127.0.0.1:{port}/callback?x=1"],
    ["an added trailing slash", "http://127.0.0.1:{port}/callback/"],
  ])("code exchanged with a different redirect_uri: %s", async (_name, template) => {
    const client = await registerClient(world);
    const issued = await obtainCode(world, client.client_id);
    const port = Number(new URL(issued.redirectUri).port);
    const redirectUri = template.replace("{port}", String(port)).replace("{other}", String(port + 1));
    const response = await exchangeCode(world, client.client_id, issued, { redirect_uri: redirectUri });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_grant", error_description: "redirect_uri does not match the authorization request" });
  });

  it("code exchanged without the redirect_uri the authorization request named (client with several)", async () => {
    const client = await registerClient(world, { redirect_uris: ["http://127.0.0.1/callback", "https://app.example/cb"] });
    const issued = await obtainCode(world, client.client_id);
    const response = await postForm(world.endpoint("token"), { grant_type: "authorization_code", client_id: client.client_id, code: issued.code, code_verifier: issued.verifier });
    expect(response.body).toEqual({ error: "invalid_grant", error_description: "redirect_uri is required: it was part of the authorization request" });
  });

  it("code exchanged for a different resource than was authorized", async () => {
    await world.server.db.prisma.mcpServer.create({
      data: { orgId: world.org.orgId, slug: "elsewhere", name: "Elsewhere", resourceUri: "https://elsewhere.example/mcp", scopes: { create: [{ name: "mcp:tools", isDefault: true }] } },
    });
    await world.server.db.changes.caughtUp();
    const client = await registerClient(world);
    const issued = await obtainCode(world, client.client_id);
    const response = await exchangeCode(world, client.client_id, issued, { resource: "https://elsewhere.example/mcp" });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_target", error_description: 'resource "https://elsewhere.example/mcp" is not the resource this grant was issued for' });
    // Refused after the code was consumed: it cannot be retried with the right resource.
    expect((await exchangeCode(world, client.client_id, issued)).body.error).toBe("invalid_grant");
  });

  it("code exchanged at another org's token endpoint", async () => {
    const other = await seedOrg(world.server.db.prisma);
    const client = await registerClient(world);
    const issued = await obtainCode(world, client.client_id);
    const response = await postForm(`${world.server.origin}/orgs/${other.slug}/api/v1/oauth/token`, {
      grant_type: "authorization_code", client_id: client.client_id, code: issued.code, redirect_uri: issued.redirectUri, code_verifier: issued.verifier,
    });
    expect(response.status).toBe(401);
    expect(response.body).toEqual({ error: "invalid_client", error_description: "client authentication failed: unknown client" });
    expect((await exchangeCode(world, client.client_id, issued)).status).toBe(200);
  });

  it("code presented as a refresh token, and a refresh token presented as a code", async () => {
    const client = await registerClient(world);
    const issued = await obtainCode(world, client.client_id);
    expect((await refresh(world, client.client_id, issued.code)).body).toEqual({ error: "invalid_grant", error_description: "the refresh token is invalid" });
    const tokens = (await exchangeCode(world, client.client_id, issued)).body;
    const asCode = await exchangeCode(world, client.client_id, { ...issued, code: tokens.refresh_token });
    expect(asCode.body).toEqual({ error: "invalid_grant", error_description: "the authorization code is invalid" });
  });
});
