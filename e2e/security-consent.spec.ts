import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { owner } from "./people";
import { signIn } from "./signIn";

// The consent screen's decision (POST /authorize) against CSRF and against reusing the consent of
// one client for another (RFC 6749 §10.12, RFC 9700 §4.7): the form's token is bound to the user,
// the org and the exact request, so client A's token cannot approve client B's request.
test.describe.configure({ mode: "serial" });

const slug = `sec-consent-${randomBytes(3).toString("hex")}`;
const REDIRECT = "http://127.0.0.1:49152/callback";
const clients: Record<"a" | "b", string> = { a: "", b: "" };

const query = (clientId: string) =>
  new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: REDIRECT, code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256", scope: "mcp:tools", state: "st" });

async function signInAsOwner(page: Page) {
  await page.goto("/signin");
  await signIn(page, owner);
  await page.waitForURL(/\/orgs\//);
}

test.beforeAll(async ({ browser, baseURL }) => {
  const page = await (await browser.newContext({ baseURL })).newPage();
  await signInAsOwner(page);
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(`Security ${slug}`);
  await page.getByLabel("Organization slug").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}`);
  for (const name of ["a", "b"] as const) {
    const response = await page.request.post(`/orgs/${slug}/api/v1/oauth/register`, {
      data: { client_name: `Client ${name.toUpperCase()}`, redirect_uris: ["http://127.0.0.1/callback"], token_endpoint_auth_method: "none" },
    });
    expect(response.status()).toBe(201);
    clients[name] = (await response.json()).client_id;
  }
  await page.context().close();
});

test("client A's consent token does not approve client B's request", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto(`/orgs/${slug}/consent?${query(clients.a)}`);
  await expect(page.getByTestId("consent-client-name")).toHaveText("Client A");
  const csrfForA = await page.locator('input[name="csrf"]').inputValue();
  expect(csrfForA).toMatch(/^[A-Za-z0-9_-]{43}$/);

  const forged = await page.request.post(`/orgs/${slug}/api/v1/oauth/authorize`, { form: { query: query(clients.b).toString(), csrf: csrfForA, decision: "allow" }, maxRedirects: 0 });
  expect(forged.status()).toBe(403);
  expect(forged.headers().location).toBeUndefined();
  expect(await forged.text()).toContain("The consent form expired or did not come from this site");

  // Nothing was granted to B: its request still asks the person.
  await page.goto(`/orgs/${slug}/consent?${query(clients.b)}`);
  await expect(page.getByTestId("consent-client-name")).toHaveText("Client B");
});

test("the consent screen with its own token approves (the control), answering with iss", async ({ page }) => {
  await signInAsOwner(page);
  await page.goto(`/orgs/${slug}/consent?${query(clients.a)}`);
  const csrf = await page.locator('input[name="csrf"]').inputValue();
  const approved = await page.request.post(`/orgs/${slug}/api/v1/oauth/authorize`, { form: { query: query(clients.a).toString(), csrf, decision: "allow" }, maxRedirects: 0 });
  expect(approved.status()).toBe(303);
  const location = new URL(approved.headers().location!);
  expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
  expect(location.searchParams.get("code")).toBeTruthy();
  expect(location.searchParams.get("iss")).toMatch(new RegExp(`/orgs/${slug}$`));
});
