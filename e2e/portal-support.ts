import { createHash, randomBytes } from "node:crypto";
import { expect, type Locator, type Page, type TestInfo } from "@playwright/test";
import type { Role } from "@/generated/prisma/client";
import { owner } from "./people";
import { signIn } from "./signIn";

/**
 * Helpers of the portal-*.spec.ts files. Each spec builds its own org with a unique slug, so the
 * specs do not depend on one another. The one thing they share with foundation.spec.ts is the
 * first account (`owner`): in a full run foundation's first-run test creates it (Playwright runs
 * files in alphabetical order, one worker); run alone, the portal specs create it themselves.
 */

// The standard config serves on E2E_PORT (3210 unless set); a private runner elsewhere says so here.
export const ORIGIN = process.env.PORTAL_E2E_ORIGIN ?? `http://localhost:${process.env.E2E_PORT ?? 3210}`;
export const PASSWORD = "portal test password";

const unique = () => randomBytes(3).toString("hex");

/** Signs in on the sign-in page, with a way back to `path` (default: the landing page). */
export async function signInAt(page: Page, person: { email: string; password: string }, path?: string) {
  await page.goto(path ? `/signin?callbackUrl=${encodeURIComponent(path)}` : "/signin");
  await signIn(page, person);
  if (path) await expect(page).toHaveURL(path);
  else await expect(page).toHaveURL(/\/orgs\//);
}

/** Signs the first owner in, setting up the installation first if no one has yet. */
export async function signInOwner(page: Page) {
  await page.goto("/");
  if (await page.getByRole("heading", { name: "Set up Gatehouse" }).isVisible()) {
    await page.getByLabel("Email").fill(owner.email);
    await page.getByLabel("Password").fill(owner.password);
    await page.getByLabel("Organization name").fill("Portal first org");
    await page.getByRole("button", { name: "Create account and organization" }).click();
    await expect(page).toHaveURL(/\/orgs\//);
    return;
  }
  await signInAt(page, owner);
}

/** Signs the first owner in and creates a fresh org; returns its slug and name. */
export async function ownerWithNewOrg(page: Page, label: string) {
  await signInOwner(page);
  return createOrg(page, label);
}

/** Creates an org as whoever is signed in on `page` (they become its owner). */
export async function createOrg(page: Page, label: string) {
  const name = `${label} ${unique()}`;
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
  await expect(page).toHaveURL(`/orgs/${slug}`);
  return { slug, name };
}

/**
 * The owner on `page` invites a new person with `role`; the person signs up from the link in
 * `visitor` (a fresh browser context) and lands on the org.
 */
export async function invitePerson(page: Page, visitor: Page, slug: string, role: Role, label: string = role) {
  await page.goto(`/orgs/${slug}/members`);
  await page.getByLabel("Role", { exact: true }).selectOption(role);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link", { exact: true }).inputValue();
  const person = { email: `${label}-${unique()}@example.com`, password: PASSWORD };
  await visitor.goto(link);
  await visitor.getByLabel("Email").fill(person.email);
  await visitor.getByLabel("Password").fill(person.password);
  await visitor.getByRole("button", { name: "Create account and join" }).click();
  await expect(visitor).toHaveURL(`/orgs/${slug}`);
  return person;
}

/** Clicks an action's first button, then its confirm button (the portal's two-step confirmation). */
export async function confirm(scope: Page | Locator, button: string, confirmLabel: string) {
  await scope.getByRole("button", { name: button, exact: true }).click();
  await scope.getByRole("button", { name: confirmLabel, exact: true }).click();
}

/** A full-page screenshot kept with the test's results (never committed). */
export async function screenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  // The header is sticky: from the top, a full-page shot shows it where it belongs.
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: "image/png" });
}

const base64url = (bytes: Buffer) => bytes.toString("base64url");

export interface Connection {
  clientId: string;
  clientName: string;
  accessToken: string;
  refreshToken: string;
}

/**
 * What an MCP client does, with the person signed in on `page` approving: registers over HTTP
 * (RFC 7591) unless given a registered client, runs the authorization code flow with PKCE in the browser (consent "Allow access"),
 * catches the redirect to its loopback URL, and exchanges the code for tokens.
 */
export async function connectClient(page: Page, slug: string, client: string | { clientId: string; clientName: string } = `Client ${unique()}`): Promise<Connection> {
  const { clientId, clientName } = typeof client === "string" ? await registerClient(slug, client) : client;

  const port = 40_000 + Math.floor(Math.random() * 20_000);
  const redirectUri = `http://127.0.0.1:${port}/callback`;
  const verifier = base64url(randomBytes(32));
  const state = base64url(randomBytes(16));
  const resource = `${ORIGIN}/mcp/${slug}/demo`;
  const query = new URLSearchParams({
    response_type: "code",
    client_id: clientId,
    redirect_uri: redirectUri,
    code_challenge: base64url(createHash("sha256").update(verifier).digest()),
    code_challenge_method: "S256",
    state,
    scope: "mcp:tools",
    resource,
  });
  let callback: URL | undefined;
  await page.route(`http://127.0.0.1:${port}/**`, async (route) => {
    callback = new URL(route.request().url());
    await route.fulfill({ status: 200, contentType: "text/plain", body: "You can close this window." });
  });
  await page.goto(`/orgs/${slug}/api/v1/oauth/authorize?${query}`);
  await page.getByRole("button", { name: "Allow access" }).click();
  await expect.poll(() => callback?.searchParams.get("code") ?? null).not.toBeNull();
  await page.unroute(`http://127.0.0.1:${port}/**`);
  expect(callback!.searchParams.get("state")).toBe(state);

  const tokens = await tokenRequest(slug, { grant_type: "authorization_code", code: callback!.searchParams.get("code")!, redirect_uri: redirectUri, code_verifier: verifier, client_id: clientId, resource });
  expect(tokens.status).toBe(200);
  return { clientId, clientName, accessToken: tokens.body.access_token as string, refreshToken: tokens.body.refresh_token as string };
}

/** RFC 7591 registration of a public MCP client with a loopback redirect URI. */
export async function registerClient(slug: string, clientName: string) {
  const registration = await fetch(`${ORIGIN}/orgs/${slug}/api/v1/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: clientName, redirect_uris: ["http://127.0.0.1/callback"], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] }),
  });
  expect(registration.status).toBe(201);
  const { client_id: clientId } = (await registration.json()) as { client_id: string };
  return { clientId, clientName };
}

/** A POST to the org's token endpoint; `basic` authenticates a confidential client. */
export async function tokenRequest(slug: string, form: Record<string, string>, basic?: { id: string; secret: string }) {
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded" };
  if (basic) headers.authorization = `Basic ${Buffer.from(`${encodeURIComponent(basic.id)}:${encodeURIComponent(basic.secret)}`).toString("base64")}`;
  const response = await fetch(`${ORIGIN}/orgs/${slug}/api/v1/oauth/token`, { method: "POST", headers, body: new URLSearchParams(form) });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** Uses a refresh token once, as the public client that holds it. */
export function refreshWith(slug: string, connection: Connection) {
  return tokenRequest(slug, { grant_type: "refresh_token", refresh_token: connection.refreshToken, client_id: connection.clientId });
}
