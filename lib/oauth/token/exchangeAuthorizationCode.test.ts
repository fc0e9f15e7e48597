import { beforeEach, describe, expect, it } from "vitest";
import { verifyAccessToken } from "../access-token/verifyAccessToken";
import { DEMO_RESOURCE, ISSUER } from "../test/fixtures";
import { asyncRefusal } from "../test/refusal";
import { createHarness, form, NOW, REDIRECT_URI, VERIFIER, type Harness } from "../test/tokenHarness";
import { exchangeAuthorizationCode } from "./exchangeAuthorizationCode";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

function tokenRequest(code: string, overrides: Record<string, string | undefined> = {}, extra = "") {
  const values = { grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, client_id: "client-public", ...overrides };
  const defined = Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
  return form(defined, extra);
}

describe("exchangeAuthorizationCode", () => {
  it("issues an RFC 9068 access token for the code's resource and scopes, and a refresh token", async () => {
    const { code, grant } = await h.issueCode();
    const response = await exchangeAuthorizationCode({ client: h.publicOne, params: tokenRequest(code) }, h.deps);

    expect(response).toEqual({
      access_token: expect.any(String),
      token_type: "Bearer",
      expires_in: 3600,
      refresh_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      scope: "mcp:tools",
    });
    const claims = await verifyAccessToken(response.access_token, { issuer: ISSUER, audience: DEMO_RESOURCE, keys: [h.key.publicJwk], now: NOW });
    expect(claims).toMatchObject({ iss: ISSUER, sub: "user-1", aud: DEMO_RESOURCE, client_id: "client-public", scope: "mcp:tools", grant_id: grant.id, exp: NOW.getTime() / 1000 + 3600 });

    const [stored] = [...h.refreshTokens.tokens.values()];
    expect(stored).toMatchObject({
      tokenHash: h.deps.hasher.hashForLookup(response.refresh_token!),
      grantId: grant.id,
      clientRowId: h.publicOne.id,
      resource: DEMO_RESOURCE,
      scopes: ["mcp:tools"],
      expiresAt: new Date(NOW.getTime() + 30 * 86400 * 1000),
    });
  });

  it("issues no refresh token to a client without the refresh_token grant", async () => {
    const { code } = await h.issueCode(h.publicNoRefresh);
    const response = await exchangeAuthorizationCode({ client: h.publicNoRefresh, params: tokenRequest(code) }, h.deps);
    expect(response).not.toHaveProperty("refresh_token");
    expect(h.refreshTokens.tokens.size).toBe(0);
  });

  it("accepts an omitted redirect_uri when the client has exactly that one registered", async () => {
    const single = { ...h.publicOne, redirectUris: [REDIRECT_URI] };
    const { code } = await h.issueCode(single);
    const response = await exchangeAuthorizationCode({ client: single, params: tokenRequest(code, { redirect_uri: undefined }) }, h.deps);
    expect(response.token_type).toBe("Bearer");
  });

  it("accepts a resource equal to the code's in another spelling", async () => {
    const { code } = await h.issueCode();
    const params = tokenRequest(code, { resource: "HTTPS://gatehouse.example:443/mcp/acme/demo" });
    expect((await exchangeAuthorizationCode({ client: h.publicOne, params }, h.deps)).scope).toBe("mcp:tools");
  });

  it("revokes the grant and its tokens when a code is used twice (RFC 6749 §4.1.2)", async () => {
    const { code, grant } = await h.issueCode();
    const first = await exchangeAuthorizationCode({ client: h.publicOne, params: tokenRequest(code) }, h.deps);

    expect(await asyncRefusal(() => exchangeAuthorizationCode({ client: h.publicOne, params: tokenRequest(code) }, h.deps))).toEqual({
      error: "invalid_grant",
      error_description: "the authorization code has already been used; tokens issued with it have been revoked",
      status: 400,
    });
    expect(h.grants.grants.get(grant.id)!.revokedAt).toEqual(NOW);
    expect(h.refreshTokens.tokens.get(h.deps.hasher.hashForLookup(first.refresh_token!))!.revokedAt).toEqual(NOW);
  });

  it("burns the code on a failed attempt: a retry finds it used", async () => {
    const { code } = await h.issueCode();
    await expect(exchangeAuthorizationCode({ client: h.publicOne, params: tokenRequest(code, { code_verifier: "x".repeat(43) }) }, h.deps)).rejects.toThrow();
    expect(await asyncRefusal(() => exchangeAuthorizationCode({ client: h.publicOne, params: tokenRequest(code) }, h.deps))).toMatchObject({
      error: "invalid_grant",
      error_description: "the authorization code has already been used; tokens issued with it have been revoked",
    });
  });

  type Case = [string, (h: Harness) => Promise<{ client?: "publicOne" | "confidential" | "publicNoRefresh"; params: ReturnType<typeof form> }>, string, string];
  const cases: Case[] = [
    ["wrong grant_type", async (h) => ({ params: tokenRequest((await h.issueCode()).code, { grant_type: "refresh_token" }) }), "unsupported_grant_type", 'this operation handles grant_type "authorization_code" only'],
    ["client without the grant", async (h) => ({ client: "confidential", params: tokenRequest((await h.issueCode()).code) }), "unauthorized_client", "this client is not registered for the authorization_code grant"],
    ["no code", async () => ({ params: tokenRequest("", { code: undefined }) }), "invalid_request", "code is required"],
    ["unknown code", async () => ({ params: tokenRequest("not-a-code") }), "invalid_grant", "the authorization code is invalid"],
    ["code of another client", async (h) => ({ client: "publicNoRefresh", params: tokenRequest((await h.issueCode(h.publicOne)).code) }), "invalid_grant", "the authorization code was issued to another client"],
    ["expired code", async (h) => { const { code } = await h.issueCode(); h.clock.advance(60); return { params: tokenRequest(code) }; }, "invalid_grant", "the authorization code has expired"],
    ["other redirect_uri", async (h) => ({ params: tokenRequest((await h.issueCode()).code, { redirect_uri: "http://127.0.0.1:9999/callback" }) }), "invalid_grant", "redirect_uri does not match the authorization request"],
    ["omitted redirect_uri with several registered", async (h) => ({ params: tokenRequest((await h.issueCode()).code, { redirect_uri: undefined }) }), "invalid_grant", "redirect_uri is required: it was part of the authorization request"],
    ["no code_verifier", async (h) => ({ params: tokenRequest((await h.issueCode()).code, { code_verifier: undefined }) }), "invalid_grant", "code_verifier is required (PKCE)"],
    ["wrong code_verifier", async (h) => ({ params: tokenRequest((await h.issueCode()).code, { code_verifier: "a".repeat(43) }) }), "invalid_grant", "code_verifier does not match the code_challenge of the authorization request"],
    ["other resource", async (h) => ({ params: tokenRequest((await h.issueCode()).code, { resource: "https://tools.example/mcp" }) }), "invalid_target", 'resource "https://tools.example/mcp" is not the resource this grant was issued for'],
    ["two resources", async (h) => ({ params: tokenRequest((await h.issueCode()).code, {}, `&resource=${encodeURIComponent(DEMO_RESOURCE)}&resource=${encodeURIComponent(DEMO_RESOURCE)}`) }), "invalid_target", "only one resource may be requested per token"],
    ["revoked grant", async (h) => { const { code, grant } = await h.issueCode(); grant.revokedAt = NOW; return { params: tokenRequest(code) }; }, "invalid_grant", "the authorization grant has been revoked"],
  ];
  it.each(cases)("refuses: %s", async (_case, setup, error, description) => {
    const { client = "publicOne", params } = await setup(h);
    expect(await asyncRefusal(() => exchangeAuthorizationCode({ client: h[client], params }, h.deps))).toEqual({ error, error_description: description, status: 400 });
    expect(h.refreshTokens.tokens.size).toBe(0);
  });

  it("lets two concurrent exchanges of one code consume it once; the replay revokes the grant", async () => {
    const { code, grant } = await h.issueCode();
    const results = await Promise.allSettled([
      exchangeAuthorizationCode({ client: h.publicOne, params: tokenRequest(code) }, h.deps),
      exchangeAuthorizationCode({ client: h.publicOne, params: tokenRequest(code) }, h.deps),
    ]);
    expect(results.filter((r) => r.status === "rejected")).not.toHaveLength(0);
    expect(h.grants.grants.get(grant.id)!.revokedAt).toEqual(NOW);
    expect([...h.refreshTokens.tokens.values()].every((t) => t.revokedAt !== null)).toBe(true);
  });
});
