import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { Page } from "@playwright/test";
import { createRemoteJWKSet, jwtVerify } from "jose";
import * as oauth from "oauth4webapi";
import { expect, test } from "./fixtures";
import { owner } from "./people";
import { signIn } from "./signIn";

// Runs after foundation.spec.ts (alphabetical, one worker), which creates the owner in the fresh
// database; this spec then makes an org of its own so nothing depends on earlier state.
const slug = `oauth-${randomBytes(3).toString("hex")}`;
const insecure = { [oauth.allowInsecureRequests]: true } as const;
const port = 41000 + Math.floor(Math.random() * 20000);
const redirectUri = `http://127.0.0.1:${port}/callback`;

let as: oauth.AuthorizationServer;
let client: oauth.Client;
let callbackServer: Server;
const callbacks: URL[] = [];

test.describe.configure({ mode: "serial" });

// The client's loopback listener, as a native MCP client runs one (RFC 8252 §7.3). A real server
// rather than page.route, which does not see the later hops of a redirect chain.
test.beforeAll(async () => {
  callbackServer = createServer((req, res) => {
    const url = new URL(req.url ?? "/", redirectUri);
    // The browser also asks this host for /favicon.ico.
    if (url.pathname === "/callback") callbacks.push(url);
    res.writeHead(200, { "content-type": "text/plain" }).end("You can close this window.");
  });
  await new Promise<void>((resolve) => callbackServer.listen(port, "127.0.0.1", resolve));
});
test.afterAll(() => new Promise<void>((resolve) => callbackServer.close(() => resolve())));

async function createOrg(page: Page) {
  await page.goto("/signin?callbackUrl=/orgs/new");
  await signIn(page, owner);
  await expect(page).toHaveURL("/orgs/new");
  await page.getByLabel("Organization name").fill(`OAuth ${slug}`);
  await page.getByLabel("Organization slug").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}`);
}

/** Sends the browser through the authorization endpoint and returns where the client was sent back. */
async function authorize(page: Page, params: Record<string, string>, approve: (page: Page) => Promise<void>): Promise<URL> {
  const before = callbacks.length;
  const url = new URL(as.authorization_endpoint!);
  for (const [k, v] of Object.entries(params)) url.searchParams.set(k, v);
  await page.goto(url.href);
  await approve(page);
  await expect.poll(() => callbacks.length).toBe(before + 1);
  return callbacks[before]!;
}

async function pkce() {
  const verifier = oauth.generateRandomCodeVerifier();
  return { verifier, challenge: await oauth.calculatePKCECodeChallenge(verifier), state: oauth.generateRandomState() };
}

test("an MCP client registers, the person signs in and consents, and the client gets, refreshes and revokes tokens", async ({ page, baseURL }) => {
  await createOrg(page);
  await page.context().clearCookies();

  const issuer = new URL(`${baseURL}/orgs/${slug}`);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
  client = await oauth.processDynamicClientRegistrationResponse(
    await oauth.dynamicClientRegistrationRequest(as, { client_name: "E2E MCP Client", redirect_uris: ["http://127.0.0.1/callback"], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] }, insecure),
  );

  const { verifier, challenge, state } = await pkce();
  const demo = `${baseURL}/mcp/${slug}/demo`;
  const callback = await authorize(page, { response_type: "code", client_id: client.client_id, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: "S256", state, scope: "mcp:tools", resource: demo }, async (p) => {
    await expect(p).toHaveURL(/\/signin\?callbackUrl=/);
    await signIn(p, owner);
    await expect(p).toHaveURL(new RegExp(`/orgs/${slug}/consent\\?`));
    await expect(p.getByTestId("consent-client-name")).toHaveText("E2E MCP Client");
    await expect(p.getByTestId("consent-redirect-host")).toHaveText(`127.0.0.1:${port}`);
    await expect(p.getByTestId("consent-scopes")).toContainText("mcp:tools");
    await p.getByRole("button", { name: "Allow access" }).click();
  });

  const params = oauth.validateAuthResponse(as, client, callback, state);
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, verifier, insecure));
  const { payload } = await jwtVerify(tokens.access_token, createRemoteJWKSet(new URL(as.jwks_uri!)), { issuer: as.issuer, audience: demo, typ: "at+jwt" });
  expect(payload).toMatchObject({ client_id: client.client_id, scope: "mcp:tools" });

  const refreshed = await oauth.processRefreshTokenResponse(as, client, await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, insecure));
  expect(refreshed.refresh_token).not.toBe(tokens.refresh_token);
  const reuse = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), tokens.refresh_token!, insecure);
  expect((await reuse.json()).error).toBe("invalid_grant");

  const active = await oauth.processIntrospectionResponse(as, client, await oauth.introspectionRequest(as, client, oauth.None(), tokens.access_token, insecure));
  expect(active.active).toBe(false);
});

test("a remembered grant skips the consent screen", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, owner);
  await page.waitForURL(/\/orgs\//);
  // The previous test's refresh-token reuse revoked its grant, so this starts with consent.
  const first = await pkce();
  const approved = await authorize(page, { response_type: "code", client_id: client.client_id, redirect_uri: redirectUri, code_challenge: first.challenge, code_challenge_method: "S256", state: first.state, scope: "mcp:tools" }, async (p) => {
    await expect(p).toHaveURL(new RegExp(`/orgs/${slug}/consent\\?`));
    await p.getByRole("button", { name: "Allow access" }).click();
  });
  expect(approved.searchParams.get("code")).toBeTruthy();

  const second = await pkce();
  const consentShown: string[] = [];
  page.on("framenavigated", (frame) => {
    if (frame.url().includes("/consent")) consentShown.push(frame.url());
  });
  const callback = await authorize(page, { response_type: "code", client_id: client.client_id, redirect_uri: redirectUri, code_challenge: second.challenge, code_challenge_method: "S256", state: second.state, scope: "mcp:tools" }, async () => {});
  expect(consentShown).toEqual([]);
  expect(callback.searchParams.get("code")).toBeTruthy();
  expect(callback.searchParams.get("state")).toBe(second.state);
  expect(callback.searchParams.get("iss")).toBe(as.issuer);
});

test("denying consent sends access_denied back with state and iss", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, owner);
  await page.waitForURL(/\/orgs\//);
  const { challenge, state } = await pkce();
  const callback = await authorize(page, { response_type: "code", client_id: client.client_id, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: "S256", state, scope: "mcp:tools mcp:admin" }, async (p) => {
    await expect(p).toHaveURL(new RegExp(`/orgs/${slug}/consent\\?`));
    await p.getByRole("button", { name: "Deny" }).click();
  });
  expect(Object.fromEntries(callback.searchParams)).toEqual({ error: "access_denied", error_description: "The user denied the request", state, iss: as.issuer });
});

test("the consent screen cannot be framed and refuses a forged approval", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, owner);
  await page.waitForURL(/\/orgs\//);
  const { challenge } = await pkce();
  const query = new URLSearchParams({ response_type: "code", client_id: client.client_id, redirect_uri: redirectUri, code_challenge: challenge, code_challenge_method: "S256", scope: "mcp:tools mcp:admin" });
  const consent = await page.goto(`/orgs/${slug}/consent?${query}`);
  expect(consent!.headers()["x-frame-options"]).toBe("DENY");
  expect(consent!.headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  for (const csrf of ["", "forged-token"]) {
    const forged = await page.request.post(`/orgs/${slug}/api/v1/oauth/authorize`, { form: { query: query.toString(), csrf, decision: "allow" }, maxRedirects: 0 });
    expect(forged.status()).toBe(403);
    expect(await forged.text()).toContain("The consent form expired or did not come from this site");
  }
});

test("an unregistered redirect URI gets an error page, never a redirect", async ({ page }) => {
  const { challenge } = await pkce();
  const url = new URL(as.authorization_endpoint!);
  for (const [k, v] of Object.entries({ response_type: "code", client_id: client.client_id, redirect_uri: "https://evil.example/callback", code_challenge: challenge, code_challenge_method: "S256" })) url.searchParams.set(k, v);
  const response = await page.goto(url.href);
  expect(response!.status()).toBe(400);
  expect(page.url()).toBe(url.href);
  await expect(page.getByRole("alert")).toContainText("redirect_uri does not match any redirect URI registered for this client");
});
