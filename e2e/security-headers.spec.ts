import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { owner } from "./people";
import { signIn } from "./signIn";

// Security headers of the real build behind the real front door (npm start), over http: CSP with
// frame-ancestors 'none' (clickjacking, RFC 9700 §4.16), no MIME sniffing, a referrer policy, no
// HSTS over http (it is sent when PUBLIC_URL is https: test/security/limitsAndHeaders.test.ts),
// and session cookies HttpOnly and SameSite=Lax (Secure over https: test/security/signIn.test.ts).
test.describe.configure({ mode: "serial" });

const slug = `sec-headers-${randomBytes(3).toString("hex")}`;
let clientId = "";
const consentQuery = () =>
  new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: "http://127.0.0.1:49153/callback", code_challenge: "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM", code_challenge_method: "S256", scope: "mcp:tools" });

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
  const registered = await page.request.post(`/orgs/${slug}/api/v1/oauth/register`, { data: { redirect_uris: ["http://127.0.0.1/callback"], token_endpoint_auth_method: "none", client_name: "Headers client" } });
  clientId = (await registered.json()).client_id;
  await page.context().close();
});

function expectPageHeaders(headers: Record<string, string>, where: string) {
  expect(headers["content-security-policy"], where).toContain("frame-ancestors 'none'");
  expect(headers["x-frame-options"], where).toBe("DENY");
  expect(headers["x-content-type-options"], where).toBe("nosniff");
  expect(["strict-origin-when-cross-origin", "no-referrer"], where).toContain(headers["referrer-policy"]);
  expect(headers["strict-transport-security"], where).toBeUndefined();
}

test("every kind of page carries the security headers", async ({ page }) => {
  for (const path of ["/", "/signin", "/no-such-page", `/orgs/${slug}/api/v1/oauth/authorize?client_id=nope`]) {
    const response = await page.goto(path);
    expectPageHeaders(response!.headers(), path);
  }
  await signInAsOwner(page);
  for (const path of [`/orgs/${slug}`, `/orgs/${slug}/members`, "/orgs/new", `/orgs/${slug}/consent?${consentQuery()}`]) {
    const response = await page.goto(path);
    expect(response!.status(), path).toBe(200);
    expectPageHeaders(response!.headers(), path);
  }
});

test("the portal runs under its script policy: Next's scripts carry the nonce, and nothing is refused", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (execute|load|apply)/i.test(message.text())) violations.push(`${page.url()}: ${message.text()}`);
  });
  const signin = await page.goto("/signin");
  const policy = signin!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(policy)?.[1];
  expect(policy).toContain("'strict-dynamic'");
  expect(nonce).toBeTruthy();
  const scripts = page.locator("script");
  expect(await scripts.count()).toBeGreaterThan(0);
  // The browser hides nonce attributes from the DOM (nonce hiding); the property still holds them.
  const nonces = await scripts.evaluateAll((elements) => elements.map((e) => (e as HTMLScriptElement).nonce));
  expect(new Set(nonces)).toEqual(new Set([nonce]));
  // Hydrated: the sign-in form runs its client-side action and the portal navigates.
  await signIn(page, owner);
  await page.waitForURL(/\/orgs\//);
  for (const path of [`/orgs/${slug}`, `/orgs/${slug}/members`, `/orgs/${slug}/consent?${consentQuery()}`]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  await page.goto(`/orgs/${slug}`);
  await page.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Members" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}/members`);
  expect(violations).toEqual([]);
});

test("the consent screen sends no Referer; the authorization error page loads nothing and links nowhere", async ({ page }) => {
  await signInAsOwner(page);
  const consent = await page.goto(`/orgs/${slug}/consent?${consentQuery()}`);
  expect(consent!.headers()["referrer-policy"]).toBe("no-referrer");
  const error = await page.goto(`/orgs/${slug}/api/v1/oauth/authorize?${new URLSearchParams({ ...Object.fromEntries(consentQuery()), redirect_uri: "https://evil.example/cb" })}`);
  expect(error!.status()).toBe(400);
  expect(error!.headers().location).toBeUndefined();
  // Next's config header wins over the handler's no-referrer here; with default-src 'none' and no
  // link on the page, no request leaves it to carry a Referer anyway, and never more than the origin.
  expect(["no-referrer", "strict-origin-when-cross-origin"]).toContain(error!.headers()["referrer-policy"]);
  expect(error!.headers()["content-security-policy"]).toBe("default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'");
  expect(await page.locator("a[href]").count()).toBe(0);
});

test("another site cannot frame the consent screen or the sign-in page (clickjacking)", async ({ page, baseURL }) => {
  await signInAsOwner(page);
  const targets = [`${baseURL}/orgs/${slug}/consent?${consentQuery()}`, `${baseURL}/signin`];
  // A page on another origin (127.0.0.1 is not localhost) that frames Gatehouse, and, as the
  // control, a page of its own that allows framing.
  const attacker = "http://127.0.0.1:49154";
  await page.route(`${attacker}/frame`, (route) =>
    route.fulfill({ contentType: "text/html", body: [...targets, `${attacker}/framable`].map((src) => `<iframe src="${src}" width="600" height="300"></iframe>`).join("") }),
  );
  await page.route(`${attacker}/framable`, (route) => route.fulfill({ contentType: "text/html", body: "<p>framable</p>" }));
  await page.goto(`${attacker}/frame`);
  await page.waitForLoadState("load");
  await expect.poll(() => page.frames().length).toBe(4);
  const frames = page.frames().slice(1);
  // Chromium replaces a frame refused by frame-ancestors / X-Frame-Options with its error page.
  await expect.poll(() => frames.map((frame) => frame.url())).toEqual(["chrome-error://chromewebdata/", "chrome-error://chromewebdata/", `${attacker}/framable`]);
  for (const frame of frames.slice(0, 2)) {
    expect(await frame.getByText("Allow access").count()).toBe(0);
    expect(await frame.getByText("Sign in to Gatehouse").count()).toBe(0);
  }
});

test("protocol endpoints: JSON never sniffed, token answers never cached", async ({ request }) => {
  const jwks = await request.get(`/orgs/${slug}/api/v1/oauth/jwks`);
  expect(jwks.headers()["x-content-type-options"]).toBe("nosniff");
  const token = await request.post(`/orgs/${slug}/api/v1/oauth/token`, { form: { grant_type: "client_credentials", client_id: "nope" } });
  expect(token.status()).toBe(401);
  expect(token.headers()["cache-control"]).toBe("no-store");
  expect(token.headers()["x-content-type-options"]).toBe("nosniff");
});

test("session cookies are HttpOnly and SameSite=Lax (and not Secure over http)", async ({ page }) => {
  await signInAsOwner(page);
  const cookies = await page.context().cookies();
  const session = cookies.find((c) => c.name === "next-auth.session-token");
  expect(session).toMatchObject({ httpOnly: true, sameSite: "Lax", secure: false, path: "/" });
  for (const cookie of cookies.filter((c) => c.name.startsWith("next-auth."))) {
    expect(cookie.httpOnly, cookie.name).toBe(true);
    expect(cookie.sameSite, cookie.name).toBe("Lax");
  }
  // Scripts on the page cannot read it.
  expect(await page.evaluate(() => document.cookie)).not.toContain("session-token");
});
