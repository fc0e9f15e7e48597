import { randomBytes } from "node:crypto";
import { readdirSync } from "node:fs";
import path from "node:path";
import { type APIRequestContext, type Browser, type Page, request as playwrightRequest } from "@playwright/test";
import { orgNavItems } from "@/app/(portal)/orgs/[org]/orgNavItems";
import { expect, test } from "./fixtures";
import { owner } from "./people";
import { signIn } from "./signIn";

/**
 * The portal's pages and actions against the three people who must not get in: someone signed out,
 * a member of the org (admin pages), an admin of another org (everything). The pages are found by
 * walking app/(portal), so a new page is covered the day it is added; the roles come from
 * orgNavItems (a page below a section inherits its roles). Server actions taken by a member or
 * another org's admin are tested in portal-authorization.spec.ts; here they are replayed signed out
 * and cross-site.
 */
test.describe.configure({ mode: "serial" });

const unique = randomBytes(3).toString("hex");
const PASSWORD = "security portal password";
const pages: Record<string, Page> = {};
let orgA = "";
let orgB = "";

/** Route patterns of every page.tsx under app/(portal), route groups removed. */
function portalPages(): string[] {
  const root = path.join(process.cwd(), "app", "(portal)");
  const found: string[] = [];
  const walk = (dir: string, route: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(dir, entry.name), /^\(.*\)$/.test(entry.name) ? route : `${route}/${entry.name}`);
      else if (entry.name === "page.tsx") found.push(route || "/");
    }
  };
  walk(root, "");
  return found.sort();
}

/** Who may open a page pattern: from the nav item whose section contains it, or this table. */
const OUTSIDE_NAV: Record<string, "any-role" | "signed-in"> = { "/orgs/[org]/forbidden": "any-role", "/orgs/new": "signed-in" };
function access(pattern: string): "admin" | "any-role" | "signed-in" {
  if (OUTSIDE_NAV[pattern]) return OUTSIDE_NAV[pattern];
  const rest = pattern.replace(/^\/orgs\/\[org\]\/?/, "");
  const section = orgNavItems.filter((item) => (item.path === "" ? rest === "" : rest === item.path || rest.startsWith(`${item.path}/`)));
  if (section.length === 0) throw new Error(`${pattern} is in no section of orgNavItems: classify it in OUTSIDE_NAV of this spec`);
  return section.some((item) => item.roles.includes("member")) ? "any-role" : "admin";
}
/** A real URL for a pattern: the org's slug, its demo server (every org has one), else a made-up id. */
const concrete = (pattern: string, slug: string) => pattern.replace("[org]", slug).replace("[server]", "demo").replace(/\[[^\]]+\]/g, "does-not-exist");

async function newPerson(browser: Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  return context.newPage();
}

/** As the owner: a fresh invite link for `slug`, used by a new account in `visitor`. */
async function join(ownerPage: Page, visitor: Page, slug: string, role: "member" | "admin", label: string) {
  await ownerPage.goto(`/orgs/${slug}/members`);
  await ownerPage.getByLabel("Role", { exact: true }).selectOption(role);
  await ownerPage.getByRole("button", { name: "Create invite link" }).click();
  const link = await ownerPage.getByLabel("Invite link", { exact: true }).inputValue();
  await visitor.goto(link);
  await visitor.getByLabel("Email").fill(`${label}-${unique}@example.com`);
  await visitor.getByLabel("Password").fill(PASSWORD);
  await visitor.getByRole("button", { name: "Create account and join" }).click();
  await expect(visitor).toHaveURL(`/orgs/${slug}`);
}

async function createOrg(page: Page, slug: string) {
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill(`Security ${slug}`);
  await page.getByLabel("Organization slug").fill(slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}`);
}

test.beforeAll(async ({ browser, baseURL }, testInfo) => {
  testInfo.setTimeout(180_000);
  pages.owner = await newPerson(browser, baseURL);
  await pages.owner.goto("/signin");
  await signIn(pages.owner, owner);
  await expect(pages.owner).toHaveURL(/\/orgs\//);
  orgA = `sec-a-${unique}`;
  orgB = `sec-b-${unique}`;
  await createOrg(pages.owner, orgA);
  await createOrg(pages.owner, orgB);
  pages.member = await newPerson(browser, baseURL);
  await join(pages.owner, pages.member, orgA, "member", "sec-member");
  pages.otherAdmin = await newPerson(browser, baseURL);
  await join(pages.owner, pages.otherAdmin, orgB, "admin", "sec-other-admin");
  pages.signedOut = await newPerson(browser, baseURL);
});

test.afterAll(async () => {
  for (const page of Object.values(pages)) await page.context().close();
});

test("the portal's pages are enumerated and each is classified", () => {
  const found = portalPages();
  expect(found).toEqual(expect.arrayContaining(["/orgs/[org]", "/orgs/[org]/members", "/orgs/[org]/forbidden", "/orgs/new"]));
  for (const pattern of found) expect(["admin", "any-role", "signed-in"]).toContain(access(pattern));
});

test("signed out: every portal page sends the visitor to sign in, with the way back", async () => {
  for (const pattern of portalPages()) {
    const url = concrete(pattern, orgA);
    const response = await pages.signedOut.goto(url);
    await expect(pages.signedOut, url).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(url)}`);
    expect(response?.status(), url).toBe(200);
    await expect(pages.signedOut.getByRole("heading", { name: "Sign in to Gatehouse" })).toBeVisible();
  }
});

test("a member: admin pages answer with the forbidden page, the others open", async () => {
  for (const pattern of portalPages().filter((p) => p.startsWith("/orgs/[org]"))) {
    const url = concrete(pattern, orgA);
    await pages.member.goto(url);
    if (access(pattern) === "admin") {
      await expect(pages.member, url).toHaveURL(`/orgs/${orgA}/forbidden`);
      await expect(pages.member.getByRole("heading", { name: "You need the admin role for this page" })).toBeVisible();
    } else {
      await expect(pages.member, url).toHaveURL(url);
      await expect(pages.member.getByRole("heading", { name: "Organization not found" })).toHaveCount(0);
    }
  }
});

test("an admin of another org: every page of this org is a 404, as if it did not exist", async () => {
  for (const pattern of portalPages().filter((p) => p.startsWith("/orgs/[org]"))) {
    const url = concrete(pattern, orgA);
    const response = await pages.otherAdmin.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(pages.otherAdmin.getByRole("heading", { name: "Organization not found" }), url).toBeVisible();
  }
  // The control: the same person opens the admin pages of their own org.
  await pages.otherAdmin.goto(`/orgs/${orgB}/members`);
  await expect(pages.otherAdmin.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
});

/** Submits a form as the owner and captures the Server Action request the browser sent. */
async function captureAction(page: Page, submit: () => Promise<void>) {
  const [request] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && r.headers()["next-action"] !== undefined), submit()]);
  const response = await request.response();
  expect(response?.status()).toBe(200);
  const headers = request.headers();
  return {
    url: request.url(),
    body: request.postDataBuffer()!,
    headers: { "next-action": headers["next-action"]!, "content-type": headers["content-type"]!, accept: "text/x-component", ...(headers["next-router-state-tree"] ? { "next-router-state-tree": headers["next-router-state-tree"] } : {}) },
  };
}

async function pendingInvites(page: Page) {
  await page.goto(`/orgs/${orgA}/members`);
  const table = page.getByRole("table", { name: "Pending invitations" });
  return (await table.count()) === 0 ? 0 : (await table.getByRole("row").count()) - 1;
}

test("signed out: a replayed invite action is refused and creates nothing", async ({ baseURL }) => {
  await pages.owner.goto(`/orgs/${orgA}/members`);
  await pages.owner.getByLabel("Role", { exact: true }).selectOption("admin");
  const action = await captureAction(pages.owner, () => pages.owner.getByRole("button", { name: "Create invite link" }).click());
  await expect(pages.owner.getByLabel("Invite link", { exact: true })).toBeVisible();
  const before = await pendingInvites(pages.owner);

  const anonymous: APIRequestContext = await playwrightRequest.newContext({ baseURL });
  try {
    const replay = await anonymous.post(action.url, { headers: action.headers, data: action.body });
    expect(replay.status()).toBeLessThan(500);
    const text = await replay.text();
    expect(text).toContain("Your session has ended: sign in again.");
    expect(text).not.toContain("/invite/");
  } finally {
    await anonymous.dispose();
  }
  expect(await pendingInvites(pages.owner)).toBe(before);
});

test("cross-site: the owner's own invite action posted from another origin is refused and creates nothing", async () => {
  await pages.owner.goto(`/orgs/${orgA}/members`);
  const action = await captureAction(pages.owner, () => pages.owner.getByRole("button", { name: "Create invite link" }).click());
  await expect(pages.owner.getByLabel("Invite link", { exact: true })).toBeVisible();
  const before = await pendingInvites(pages.owner);
  // The owner's cookies (SameSite=Lax would not even send them on a cross-site POST; Next checks Origin besides).
  const replay = await pages.owner.request.post(action.url, { headers: { ...action.headers, origin: "https://evil.example" }, data: action.body, maxRedirects: 0 });
  expect(await replay.text()).not.toContain("/invite/");
  expect(await pendingInvites(pages.owner)).toBe(before);
});

test("signed out: a replayed create-organization action is refused and creates nothing", async ({ baseURL }) => {
  const slug = `sec-c-${unique}`;
  await pages.owner.goto("/orgs/new");
  await pages.owner.getByLabel("Organization name").fill(`Security ${slug}`);
  await pages.owner.getByLabel("Organization slug").fill(slug);
  const action = await captureAction(pages.owner, () => pages.owner.getByRole("button", { name: "Create organization" }).click());
  await expect(pages.owner).toHaveURL(`/orgs/${slug}`);

  // The same form, replayed anonymously for another slug.
  const replayed = Buffer.from(action.body.toString("latin1").replaceAll(slug, `${slug}-x`), "latin1");
  const anonymous = await playwrightRequest.newContext({ baseURL });
  try {
    const replay = await anonymous.post(action.url, { headers: action.headers, data: replayed });
    expect(replay.status()).toBeLessThan(500);
    expect(await replay.text()).toContain("Your session has ended: sign in again.");
  } finally {
    await anonymous.dispose();
  }
  const response = await pages.owner.goto(`/orgs/${slug}-x`);
  expect(response?.status()).toBe(404);
});

test("signed out and other org's admin: the audit export refuses", async ({ baseURL }) => {
  const anonymous = await playwrightRequest.newContext({ baseURL });
  try {
    expect((await anonymous.get(`/orgs/${orgA}/audit/export`)).status()).toBe(401);
  } finally {
    await anonymous.dispose();
  }
  expect((await pages.otherAdmin.request.get(`/orgs/${orgA}/audit/export`)).status()).toBe(404);
});
