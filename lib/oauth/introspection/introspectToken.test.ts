import { decodeJwt } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import type { AccessTokenClaims } from "../access-token/accessTokenClaims";
import { signAccessToken } from "../access-token/signAccessToken";
import type { ClientRecord } from "../ports";
import { DEMO_RESOURCE, ISSUER } from "../test/fixtures";
import { asyncRefusal } from "../test/refusal";
import { createHarness, form, NOW, REDIRECT_URI, VERIFIER, type Harness } from "../test/tokenHarness";
import { exchangeAuthorizationCode } from "../token/exchangeAuthorizationCode";
import { introspectToken } from "./introspectToken";

let h: Harness;
let accessToken: string;
let refreshToken: string;
let grantId: string;
const iat = NOW.getTime() / 1000;

beforeEach(async () => {
  h = await createHarness();
  const { code, grant } = await h.issueCode();
  const params = form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, client_id: "client-public" });
  const response = await exchangeAuthorizationCode({ client: h.publicOne, params }, h.deps);
  accessToken = response.access_token;
  refreshToken = response.refresh_token!;
  grantId = grant.id;
});

const claimsOf = (jwt: string) => decodeJwt(jwt) as unknown as AccessTokenClaims;

function introspect(token: string, client: ClientRecord = h.resourceServer, hint?: string) {
  return introspectToken({ client, params: form(hint ? { token, token_type_hint: hint } : { token }) }, h.deps);
}

describe("introspectToken", () => {
  it("describes an active access token to a resource server allowed to introspect", async () => {
    expect(await introspect(accessToken)).toEqual({
      active: true,
      scope: "mcp:tools",
      client_id: "client-public",
      sub: "user-1",
      aud: DEMO_RESOURCE,
      iss: ISSUER,
      exp: iat + 3600,
      iat,
      jti: decodeJwt(accessToken).jti,
      token_type: "Bearer",
    });
  });

  it("describes an active refresh token, whatever the hint says", async () => {
    expect(await introspect(refreshToken, h.resourceServer, "access_token")).toEqual({
      active: true,
      scope: "mcp:tools",
      client_id: "client-public",
      sub: "user-1",
      aud: DEMO_RESOURCE,
      iss: ISSUER,
      exp: iat + 30 * 86400,
    });
  });

  it("lets a client introspect its own tokens", async () => {
    expect(await introspect(accessToken, h.publicOne)).toMatchObject({ active: true, client_id: "client-public" });
    expect(await introspect(refreshToken, h.publicOne)).toMatchObject({ active: true, client_id: "client-public" });
  });

  it.each<[string, (h: Harness) => ClientRecord]>([
    ["another client without the right", (h) => h.confidential],
    ["a public client marked canIntrospect", (h) => ({ ...h.publicNoRefresh, canIntrospect: true })],
  ])("answers inactive to %s asking about someone else's token", async (_case, caller) => {
    expect(await introspect(accessToken, caller(h))).toEqual({ active: false });
    expect(await introspect(refreshToken, caller(h))).toEqual({ active: false });
  });

  it.each<[string, (h: Harness) => Promise<string> | string]>([
    ["a malformed token", () => "not.a.jwt"],
    ["an unknown opaque token", () => "opaque-unknown"],
    ["an expired access token", (h) => { h.clock.advance(3600 + 60); return accessToken; }],
    ["an access token revoked by jti", async (h) => { await h.revokedAccessTokens.revoke({ jti: decodeJwt(accessToken).jti!, orgId: "org-1", expiresAt: NOW }); return accessToken; }],
    ["an access token of a revoked grant", async (h) => { await h.grants.revoke(grantId, "test", NOW); return accessToken; }],
    ["a refresh token of a revoked grant", (h) => { h.grants.grants.get(grantId)!.revokedAt = NOW; return refreshToken; }],
    ["an expired refresh token", (h) => { h.clock.advance(30 * 86400); return refreshToken; }],
    ["a rotated refresh token", (h) => { h.refreshTokens.tokens.get(h.deps.hasher.hashForLookup(refreshToken))!.rotatedAt = NOW; return refreshToken; }],
    ["a revoked refresh token", (h) => { h.refreshTokens.tokens.get(h.deps.hasher.hashForLookup(refreshToken))!.revokedAt = NOW; return refreshToken; }],
    ["another org's access token", (h) => signAccessToken({ ...claimsOf(accessToken), iss: "https://gatehouse.example/orgs/other" }, h.otherOrgKey)],
    ["a token signed by another org's key with our issuer", (h) => signAccessToken(claimsOf(accessToken), h.otherOrgKey)],
  ])("answers inactive for %s", async (_case, make) => {
    expect(await introspect(await make(h))).toEqual({ active: false });
  });

  it("requires the token parameter", async () => {
    expect(await asyncRefusal(() => introspectToken({ client: h.resourceServer, params: form({}) }, h.deps))).toEqual({
      error: "invalid_request",
      error_description: "token is required",
      status: 400,
    });
  });
});
