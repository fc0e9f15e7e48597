import { decodeJwt } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import type { ClientRecord } from "../ports";
import { DEMO_RESOURCE } from "../test/fixtures";
import { asyncRefusal } from "../test/refusal";
import { createHarness, form, NOW, REDIRECT_URI, VERIFIER, type Harness } from "../test/tokenHarness";
import { exchangeAuthorizationCode } from "./exchangeAuthorizationCode";
import { refreshAccessToken } from "./refreshAccessToken";

let h: Harness;
let refreshToken: string;
let grantId: string;

beforeEach(async () => {
  h = await createHarness();
  const { code, grant } = await h.issueCode(h.publicOne, { scopes: ["mcp:tools", "mcp:admin"] });
  const params = form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, client_id: "client-public" });
  refreshToken = (await exchangeAuthorizationCode({ client: h.publicOne, params }, h.deps)).refresh_token!;
  grantId = grant.id;
});

function refresh(token: string, overrides: Record<string, string> = {}, client: ClientRecord = h.publicOne, extra = "") {
  const params = form({ grant_type: "refresh_token", refresh_token: token, client_id: client.clientId, ...overrides }, extra);
  return refreshAccessToken({ client, params }, h.deps);
}

const stored = (token: string) => h.refreshTokens.tokens.get(h.deps.hasher.hashForLookup(token))!;

describe("refreshAccessToken", () => {
  it("rotates: a new access token, a successor refresh token in the same family, the old one spent", async () => {
    h.clock.advance(600);
    const response = await refresh(refreshToken);
    expect(response).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      scope: "mcp:tools mcp:admin",
    });
    expect(response.refresh_token).not.toBe(refreshToken);
    expect(decodeJwt(response.access_token)).toMatchObject({ sub: "user-1", aud: DEMO_RESOURCE, grant_id: grantId, client_id: "client-public" });
    expect(stored(refreshToken).rotatedAt).toEqual(new Date(NOW.getTime() + 600_000));
    expect(stored(response.refresh_token!)).toMatchObject({
      familyId: stored(refreshToken).familyId,
      rotatedAt: null,
      scopes: ["mcp:tools", "mcp:admin"],
      expiresAt: new Date(NOW.getTime() + 600_000 + 30 * 86400_000),
    });
  });

  it("narrows the access token's scope on request, and keeps the original scopes on the successor", async () => {
    const response = await refresh(refreshToken, { scope: "mcp:tools" });
    expect(response.scope).toBe("mcp:tools");
    expect(decodeJwt(response.access_token).scope).toBe("mcp:tools");
    expect(stored(response.refresh_token!).scopes).toEqual(["mcp:tools", "mcp:admin"]);
  });

  it("accepts the bound resource in another spelling", async () => {
    expect((await refresh(refreshToken, { resource: "https://GATEHOUSE.example/mcp/acme/demo" })).token_type).toBe("Bearer");
  });

  it("chains: the successor can be refreshed in turn", async () => {
    const second = await refresh((await refresh(refreshToken)).refresh_token!);
    expect(second.token_type).toBe("Bearer");
  });

  it("detects reuse of a rotated token: revokes the whole family and the grant", async () => {
    const successor = (await refresh(refreshToken)).refresh_token!;
    expect(await asyncRefusal(() => refresh(refreshToken))).toEqual({
      error: "invalid_grant",
      error_description: "the refresh token has already been used; access has been revoked",
      status: 400,
    });
    expect(stored(successor).revokedAt).toEqual(NOW);
    expect(h.grants.grants.get(grantId)!.revokedAt).toEqual(NOW);
    expect(await asyncRefusal(() => refresh(successor))).toMatchObject({ error: "invalid_grant", error_description: "the refresh token has been revoked" });
  });

  it("treats losing a concurrent rotation as reuse", async () => {
    h.refreshTokens.raceOnNextRotate = true;
    expect(await asyncRefusal(() => refresh(refreshToken))).toMatchObject({
      error: "invalid_grant",
      error_description: "the refresh token has already been used; access has been revoked",
    });
    expect(h.grants.grants.get(grantId)!.revokedAt).toEqual(NOW);
    expect(h.refreshTokens.tokens.size).toBe(1);
  });

  it("refuses a token deleted between its lookup and its rotation (its client deleted meanwhile)", async () => {
    h.refreshTokens.deleteOnNextRotate = true;
    expect(await asyncRefusal(() => refresh(refreshToken))).toMatchObject({ error: "invalid_grant", error_description: "the refresh token is invalid" });
  });

  type Setup = (h: Harness) => void | Promise<void>;
  it.each<[string, Setup, Record<string, string>, string, string, string?]>([
    ["wrong grant_type", () => {}, { grant_type: "authorization_code" }, "unsupported_grant_type", 'this operation handles grant_type "refresh_token" only'],
    ["client without the grant", () => {}, {}, "unauthorized_client", "this client is not registered for the refresh_token grant", "publicNoRefresh"],
    ["no refresh_token", () => {}, { refresh_token: "" }, "invalid_request", "refresh_token is required"],
    ["unknown token", () => {}, { refresh_token: "nope" }, "invalid_grant", "the refresh token is invalid"],
    ["another client's token", () => {}, {}, "invalid_grant", "the refresh token was issued to another client", "otherPublic"],
    ["revoked token", () => { stored(refreshToken).revokedAt = NOW; }, {}, "invalid_grant", "the refresh token has been revoked"],
    ["expired token", (h) => h.clock.advance(30 * 86400), {}, "invalid_grant", "the refresh token has expired"],
    ["revoked grant", (h) => { h.grants.grants.get(grantId)!.revokedAt = NOW; }, {}, "invalid_grant", "the authorization grant has been revoked"],
    ["scope beyond the grant", () => {}, { scope: "mcp:tools files:read" }, "invalid_scope", 'scope "files:read" was not granted to this refresh token'],
    ["malformed scope", () => {}, { scope: 'mcp:"tools"' }, "invalid_scope", "scope contains characters not allowed in a scope (RFC 6749 §3.3)"],
    ["other resource", () => {}, { resource: "https://tools.example/mcp" }, "invalid_target", 'resource "https://tools.example/mcp" is not the resource this grant was issued for'],
  ])("refuses %s without consuming the token", async (_case, setup, overrides, error, description, clientName) => {
    await setup(h);
    const clients: Record<string, ClientRecord> = {
      publicNoRefresh: h.publicNoRefresh,
      otherPublic: { ...h.publicOne, id: "row-other-public", clientId: "client-other-public" },
    };
    const client = clientName ? clients[clientName]! : h.publicOne;
    expect(await asyncRefusal(() => refresh(refreshToken, overrides, client))).toEqual({ error, error_description: description, status: 400 });
    expect(stored(refreshToken).rotatedAt).toBeNull();
    expect(h.refreshTokens.tokens.size).toBe(1);
  });

  it("refuses two resources", async () => {
    expect(await asyncRefusal(() => refresh(refreshToken, {}, h.publicOne, `&resource=${DEMO_RESOURCE}&resource=${DEMO_RESOURCE}`))).toMatchObject({
      error: "invalid_target",
      error_description: "only one resource may be requested per token",
    });
  });
});
