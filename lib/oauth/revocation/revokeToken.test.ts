import { decodeJwt } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { introspectToken } from "../introspection/introspectToken";
import type { ClientRecord } from "../ports";
import { asyncRefusal } from "../test/refusal";
import { createHarness, form, NOW, REDIRECT_URI, VERIFIER, type Harness } from "../test/tokenHarness";
import { exchangeAuthorizationCode } from "../token/exchangeAuthorizationCode";
import { refreshAccessToken } from "../token/refreshAccessToken";
import { revokeToken } from "./revokeToken";

let h: Harness;
let accessToken: string;
let refreshToken: string;

beforeEach(async () => {
  h = await createHarness();
  const { code } = await h.issueCode();
  const params = form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, client_id: "client-public" });
  ({ access_token: accessToken, refresh_token: refreshToken } = (await exchangeAuthorizationCode({ client: h.publicOne, params }, h.deps)) as { access_token: string; refresh_token: string });
});

const revoke = (token: string, client: ClientRecord = h.publicOne, hint?: string) =>
  revokeToken({ client, params: form(hint ? { token, token_type_hint: hint } : { token }) }, h.deps);
const introspect = (token: string) => introspectToken({ client: h.resourceServer, params: form({ token }) }, h.deps);

describe("revokeToken", () => {
  it("revokes an access token by jti until it expires; introspection then reports it inactive", async () => {
    await revoke(accessToken, h.publicOne, "refresh_token");
    expect(h.revokedAccessTokens.entries.get(decodeJwt(accessToken).jti!)).toEqual({ orgId: "org-1", expiresAt: new Date(NOW.getTime() + 3600_000) });
    expect(await introspect(accessToken)).toEqual({ active: false });
  });

  it("revokes a refresh token's whole family, successors included", async () => {
    const successor = (await refreshAccessToken({ client: h.publicOne, params: form({ grant_type: "refresh_token", refresh_token: refreshToken }) }, h.deps)).refresh_token!;
    await revoke(refreshToken);
    expect(await introspect(successor)).toEqual({ active: false });
    expect(await asyncRefusal(() => refreshAccessToken({ client: h.publicOne, params: form({ grant_type: "refresh_token", refresh_token: successor }) }, h.deps))).toMatchObject({
      error: "invalid_grant",
      error_description: "the refresh token has been revoked",
    });
  });

  it("leaves the grant alone: other sessions of the same consent keep working", async () => {
    await revoke(refreshToken);
    expect([...h.grants.grants.values()].every((g) => g.revokedAt === null)).toBe(true);
  });

  it.each([["an unknown opaque token", "nope"], ["a malformed JWT", "a.b.c"], ["a token with an unknown hint", "nope"]])("succeeds silently for %s", async (_case, token) => {
    await expect(revoke(token, h.publicOne, "id_token")).resolves.toBeUndefined();
  });

  it("succeeds silently for an expired access token", async () => {
    h.clock.advance(7200);
    await expect(revoke(accessToken)).resolves.toBeUndefined();
    expect(h.revokedAccessTokens.entries.size).toBe(0);
  });

  it.each<[string, () => string]>([
    ["access token", () => accessToken],
    ["refresh token", () => refreshToken],
  ])("refuses to revoke another client's %s, with no effect", async (_case, token) => {
    expect(await asyncRefusal(() => revoke(token(), h.confidential))).toEqual({
      error: "unauthorized_client",
      error_description: "the token was not issued to this client",
      status: 400,
    });
    expect(await introspect(token())).toMatchObject({ active: true });
  });

  it("requires the token parameter", async () => {
    expect(await asyncRefusal(() => revokeToken({ client: h.publicOne, params: form({}) }, h.deps))).toMatchObject({
      error: "invalid_request",
      error_description: "token is required",
    });
  });
});
