import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCoveringGrant } from "@/lib/server/authorize/findCoveringGrant";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { authorizeAs } from "../support/authorizeAs";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

let server: TestServer;
let org: SeededOrg;
let as: oauth.AuthorizationServer;
let client: oauth.Client;
const insecure = { [oauth.allowInsecureRequests]: true } as const;
// RFC 8252 §7.3: registered without a port, used with whatever port the native app bound.
const REGISTERED_REDIRECT = "http://127.0.0.1/callback";
const port = 40000 + Math.floor(Math.random() * 20000);
const redirectUri = `http://127.0.0.1:${port}/callback`;

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
  const issuer = new URL(`${server.origin}/orgs/${org.slug}`);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
  const registration = await oauth.dynamicClientRegistrationRequest(
    as,
    { client_name: "Flow test", redirect_uris: [REGISTERED_REDIRECT], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] },
    insecure,
  );
  client = await oauth.processDynamicClientRegistrationResponse(registration);
});
afterAll(() => server.close());

const demo = () => `${server.origin}/mcp/${org.slug}/demo`;
const owner = () => ({ id: org.ownerId, email: org.ownerEmail });

async function obtainCode(scope = "mcp:tools") {
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const redirect = await authorizeAs(owner(), org.slug, {
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: redirectUri,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    state,
    scope,
    resource: demo(),
  });
  expect(`${redirect.origin}${redirect.pathname}`).toBe(redirectUri);
  // Checks `iss` (RFC 9207) and `state`, as a careful client does.
  const params = oauth.validateAuthResponse(as, client, redirect, state);
  return { params, verifier };
}

async function exchange(params: URLSearchParams, verifier: string) {
  return oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, verifier, { ...insecure, additionalParameters: { resource: demo() } });
}

async function introspect(token: string) {
  const response = await oauth.introspectionRequest(as, client, oauth.None(), token, insecure);
  return oauth.processIntrospectionResponse(as, client, response);
}

const refresh = (token: string) => oauth.refreshTokenGrantRequest(as, client, oauth.None(), token, insecure);

describe("authorization code flow (oauth4webapi as the client)", () => {
  it("exchanges a code for a JWT bound to the resource and a refresh token, then rotates it", async () => {
    const { params, verifier } = await obtainCode();
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await exchange(params, verifier));
    expect(tokens).toMatchObject({ token_type: "bearer", scope: "mcp:tools", expires_in: 3600 });
    expect(typeof tokens.refresh_token).toBe("string");

    const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(as.jwks_uri!)), { issuer: as.issuer, audience: demo(), typ: "at+jwt" });
    expect(payload).toMatchObject({ sub: org.ownerId, client_id: client.client_id, scope: "mcp:tools" });

    expect(await introspect(tokens.access_token)).toMatchObject({ active: true, client_id: client.client_id, sub: org.ownerId, aud: demo(), scope: "mcp:tools", token_type: "Bearer" });

    const rotated = await oauth.processRefreshTokenResponse(as, client, await refresh(tokens.refresh_token!));
    expect(rotated.refresh_token).not.toBe(tokens.refresh_token);
    const { payload: refreshed } = await jwtVerify(rotated.access_token, createRemoteJWKSet(new URL(as.jwks_uri!)), { issuer: as.issuer, audience: demo() });
    expect(refreshed.aud).toBe(demo());
  });

  it("detects reuse of a rotated refresh token: refused, and the whole family and grant are revoked", async () => {
    const { params, verifier } = await obtainCode();
    const first = await oauth.processAuthorizationCodeResponse(as, client, await exchange(params, verifier));
    const second = await oauth.processRefreshTokenResponse(as, client, await refresh(first.refresh_token!));

    const reuse = await refresh(first.refresh_token!);
    expect(reuse.status).toBe(400);
    expect(await reuse.json()).toEqual({ error: "invalid_grant", error_description: "the refresh token has already been used; access has been revoked" });

    const successor = await refresh(second.refresh_token!);
    expect(successor.status).toBe(400);
    expect((await successor.json()).error).toBe("invalid_grant");
    expect(await introspect(second.access_token)).toEqual({ active: false });
  });

  it("refuses a replayed code and revokes what the first exchange issued (RFC 6749 §4.1.2)", async () => {
    const { params, verifier } = await obtainCode();
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await exchange(params, verifier));
    const replay = await exchange(params, verifier);
    expect(replay.status).toBe(400);
    expect(await replay.json()).toEqual({ error: "invalid_grant", error_description: "the authorization code has already been used; tokens issued with it have been revoked" });
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
    expect((await refresh(tokens.refresh_token!)).status).toBe(400);
  });

  it("refuses a wrong PKCE verifier without consuming the refresh family of anyone", async () => {
    const { params } = await obtainCode();
    const response = await exchange(params, oauth.generateRandomCodeVerifier());
    expect(response.status).toBe(400);
    expect((await response.json()).error).toBe("invalid_grant");
  });

  it("keeps a refresh token usable after a refused refresh (scope escalation)", async () => {
    const { params, verifier } = await obtainCode();
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await exchange(params, verifier));
    const escalate = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, { ...insecure, additionalParameters: { scope: "mcp:tools mcp:admin" } });
    expect(escalate.status).toBe(400);
    expect(await escalate.json()).toEqual({ error: "invalid_scope", error_description: 'scope "mcp:admin" was not granted to this refresh token' });
    const ok = await refresh(tokens.refresh_token!);
    expect(ok.status).toBe(200);
  });

  it("revokes a refresh token (RFC 7009), after which it no longer refreshes", async () => {
    const { params, verifier } = await obtainCode();
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await exchange(params, verifier));
    const revoke = await oauth.revocationRequest(as, client, oauth.None(), tokens.refresh_token!, insecure);
    await oauth.processRevocationResponse(revoke);
    expect((await refresh(tokens.refresh_token!)).status).toBe(400);
  });

  it("revokes an access token (RFC 7009), after which introspection reports it inactive", async () => {
    const { params, verifier } = await obtainCode();
    const tokens = await oauth.processAuthorizationCodeResponse(as, client, await exchange(params, verifier));
    await oauth.processRevocationResponse(await oauth.revocationRequest(as, client, oauth.None(), tokens.access_token, insecure));
    expect(await introspect(tokens.access_token)).toEqual({ active: false });
  });

  it("remembers consent, and step-up grows the same grant rather than adding one", async () => {
    const step = async (scope: string) => {
      const runtime = await getOAuthRuntime();
      const prepared = await prepareAuthorization(runtime, org.slug, new URLSearchParams({ response_type: "code", client_id: client.client_id, redirect_uri: redirectUri, code_challenge: "a".repeat(43), code_challenge_method: "S256", scope, resource: demo() }), { ...owner(), name: null });
      if (prepared.kind !== "ready") throw new Error(prepared.kind);
      return { runtime, request: prepared.request };
    };
    const liveGrants = () => server.db.prisma.grant.findMany({ where: { userId: org.ownerId, client: { clientId: client.client_id }, revokedAt: null } });
    await server.db.prisma.grant.updateMany({ where: { userId: org.ownerId }, data: { revokedAt: new Date() } });
    await server.db.changes.caughtUp();

    await obtainCode("mcp:tools");
    const tools = await step("mcp:tools");
    expect(await findCoveringGrant(tools.runtime.prisma, org.orgId, org.ownerId, tools.request)).not.toBeNull();
    const wider = await step("mcp:tools mcp:admin");
    expect(await findCoveringGrant(wider.runtime.prisma, org.orgId, org.ownerId, wider.request)).toBeNull();

    const { params, verifier } = await obtainCode("mcp:tools mcp:admin");
    expect((await oauth.processAuthorizationCodeResponse(as, client, await exchange(params, verifier))).scope).toBe("mcp:tools mcp:admin");
    const grants = await liveGrants();
    expect(grants).toHaveLength(1);
    expect(grants[0]!.scopes).toEqual(["mcp:admin", "mcp:tools"]);
  });
});
