import type { BrowserContext, Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { owner } from "./people";
import { connectClient, createOrg, invitePerson, signInOwner } from "./portal-support";

/**
 * Every portal server action refuses, on the server, a member of the org and an admin of another
 * org. The browser offers them no such form, so they take a form they do have (in their own org B)
 * and point it at org A by editing its hidden fields before submitting, as an attacker would.
 *
 *   owner: owner of A.   M: member of A, owner of B.   X: admin of B only.   Y: member of B.
 */
test.describe.configure({ mode: "serial" });

const REFUSED = "You are not allowed to do this in this organization.";
const NOT_YOURS = "This connection is not one of yours, or it no longer exists.";

const contexts: BrowserContext[] = [];
const serverErrors: string[] = [];
let ownerPage: Page;
let mPage: Page;
let xPage: Page;
let a: { slug: string; name: string };
let b: { slug: string; name: string };
let m: { email: string; password: string };
let x: { email: string; password: string };
let bApp: { clientId: string };
/** Ids of org A's rows, read from A's own pages by its owner. */
const ids = { client: "", grant: "", ownerMembership: "", mMembership: "" };

async function newPage(browser: import("@playwright/test").Browser, baseURL: string | undefined) {
  const context = await browser.newContext({ baseURL });
  context.on("response", (r) => r.status() >= 500 && serverErrors.push(`${r.status()} ${r.url()}`));
  contexts.push(context);
  return context.newPage();
}

let tampered = 0;

const hidden = (form: Locator, name: string) => form.locator(`input[name="${name}"]`).inputValue();

test.beforeAll(async ({ browser, baseURL }, testInfo) => {
  testInfo.setTimeout(240_000);
  ownerPage = await newPage(browser, baseURL);
  mPage = await newPage(browser, baseURL);
  xPage = await newPage(browser, baseURL);

  await signInOwner(ownerPage);
  a = await createOrg(ownerPage, "Authz A");
  await ownerPage.goto(`/orgs/${a.slug}/clients`);
  await ownerPage.getByLabel("Name", { exact: true }).fill("A service");
  await ownerPage.getByRole("button", { name: "Create client" }).click();
  await expect(ownerPage.getByRole("listitem", { name: "A service" })).toBeVisible();
  ids.client = await hidden(ownerPage.getByRole("listitem", { name: "A service" }).locator("form").first(), "clientRowId");
  await connectClient(ownerPage, a.slug, "A app");
  m = await invitePerson(ownerPage, mPage, a.slug, "member", "authz-m");
  await connectClient(mPage, a.slug, "M's app in A");

  await ownerPage.goto(`/orgs/${a.slug}/grants`);
  ids.grant = await hidden(ownerPage.getByRole("row").filter({ hasText: "A app" }).locator("form"), "grantId");
  await ownerPage.goto(`/orgs/${a.slug}/members`);
  ids.ownerMembership = await hidden(ownerPage.getByRole("row").filter({ hasText: owner.email }).locator("form").first(), "membershipId");
  ids.mMembership = await hidden(ownerPage.getByRole("row").filter({ hasText: m.email }).locator("form").first(), "membershipId");

  // M's own org B, with something on every page to act on.
  b = await createOrg(mPage, "Authz B");
  await mPage.goto(`/orgs/${b.slug}/clients`);
  await mPage.getByLabel("Name", { exact: true }).fill("B service");
  await mPage.getByRole("button", { name: "Create client" }).click();
  await expect(mPage.getByRole("listitem", { name: "B service" })).toBeVisible();
  bApp = await connectClient(mPage, b.slug, "B app");
  x = await invitePerson(mPage, xPage, b.slug, "admin", "authz-x");
  await invitePerson(mPage, await newPage(browser, baseURL), b.slug, "member", "authz-y");
  await connectClient(xPage, b.slug, "X's app in B");
});

test.afterAll(async () => {
  for (const context of contexts) await context.close();
  expect(serverErrors, "responses with a 5xx status").toEqual([]);
});

/**
 * Opens `button` (if any) in `scope`, rewrites the hidden fields of the form whose submit button
 * is `submit`, submits, and returns that form (its alert tells the outcome).
 */
async function submitTampered(page: Page, scope: Page | Locator, first: string | null, submit: string, fields: Record<string, string>) {
  if (first) await scope.getByRole("button", { name: first, exact: true }).click();
  const form = scope.locator("form").filter({ has: page.getByRole("button", { name: submit, exact: true }) });
  // Marked, because the confirm button that identifies the form goes away once it has answered.
  const mark = String(++tampered);
  await form.evaluate((element, value) => element.setAttribute("data-tampered", value), mark);
  for (const [name, value] of Object.entries(fields)) {
    await form.locator(`input[name="${name}"]`).evaluate((input: HTMLInputElement, v) => (input.value = v), value);
  }
  await form.getByRole("button", { name: submit, exact: true }).click();
  return page.locator(`form[data-tampered="${mark}"]`);
}

const people = () => [
  { who: "a member of A (owner of B)", page: mPage },
  { who: "an admin of B only", page: xPage },
];

test("clients: create, disable and delete are refused", async () => {
  for (const { who, page } of people()) {
    await page.goto(`/orgs/${b.slug}/clients`);
    await page.getByLabel("Name", { exact: true }).fill("Intruder");
    let form = await submitTampered(page, page, null, "Create client", { org: a.slug });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);

    const item = page.getByRole("listitem", { name: "B service" });
    form = await submitTampered(page, item, "Disable B service", "Yes, disable", { org: a.slug, clientRowId: ids.client });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);
    form = await submitTampered(page, item, "Delete B service", "Yes, delete", { org: a.slug, clientRowId: ids.client });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);
  }
  // In one's own org, another org's client id is simply not there.
  await mPage.goto(`/orgs/${b.slug}/clients`);
  const form = await submitTampered(mPage, mPage.getByRole("listitem", { name: "B service" }), "Delete B service", "Yes, delete", { clientRowId: ids.client });
  await expect(form.getByRole("alert")).toHaveText("This client does not exist in this organization.");
});

test("grants: revoke one and revoke all are refused", async () => {
  for (const { who, page } of people()) {
    await page.goto(`/orgs/${b.slug}/grants`);
    const row = page.getByRole("row").filter({ hasText: "B app" });
    let form = await submitTampered(page, row, `Revoke the grant of B app for ${m.email}`, "Yes, revoke", { org: a.slug, grantId: ids.grant });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);

    await page.getByLabel("Client").selectOption({ label: `B app (${bApp.clientId.slice(0, 24)})` });
    await page.getByRole("button", { name: "Filter" }).click();
    form = await submitTampered(page, page, "Revoke all grants of this client", "Yes, revoke all", { org: a.slug, clientRowId: ids.client });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);
  }
});

test("members: invite, change role and remove are refused", async () => {
  for (const { who, page } of people()) {
    await page.goto(`/orgs/${b.slug}/members`);
    let form = await submitTampered(page, page, null, "Create invite link", { org: a.slug });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);

    const own = page.getByRole("row").filter({ hasText: page === mPage ? m.email : x.email });
    await own.getByRole("combobox").selectOption("member");
    form = await submitTampered(page, own, null, `Save the change for ${page === mPage ? m.email : x.email}`, { org: a.slug, membershipId: ids.ownerMembership });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);

    const member = page.getByRole("row").filter({ hasText: "authz-y-" });
    const email = (await member.getByRole("cell").first().textContent())!.trim();
    form = await submitTampered(page, member, `Remove ${email}`, "Yes, remove", { org: a.slug, membershipId: ids.mMembership });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);
  }
  // In one's own org, another org's membership is not there.
  await mPage.goto(`/orgs/${b.slug}/members`);
  const row = mPage.getByRole("row").filter({ hasText: x.email });
  await row.getByRole("combobox").selectOption("member");
  const form = await submitTampered(mPage, row, null, `Save the change for ${x.email}`, { membershipId: ids.ownerMembership });
  await expect(form.getByRole("alert")).toHaveText("This person is not a member of this organization.");
});

test("signing keys and settings: rotate and save are refused", async () => {
  for (const { who, page } of people()) {
    await page.goto(`/orgs/${b.slug}/keys`);
    let form = await submitTampered(page, page, "Rotate key", "Yes, rotate", { org: a.slug });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);

    await page.goto(`/orgs/${b.slug}/settings`);
    await page.getByLabel("Open registration").uncheck();
    form = await submitTampered(page, page, null, "Save settings", { org: a.slug });
    await expect(form.getByRole("alert"), who).toHaveText(REFUSED);
  }
});

test("my connections: no one revokes another person's connection", async () => {
  // X belongs to B only: refused before the grant is even looked at.
  await xPage.goto(`/orgs/${b.slug}/connections`);
  let form = await submitTampered(xPage, xPage, "Revoke X's app in B", "Yes, revoke", { org: a.slug, grantId: ids.grant });
  await expect(form.getByRole("alert")).toHaveText(REFUSED);
  // M belongs to A: may use the action there, but only on M's own grants.
  await mPage.goto(`/orgs/${a.slug}/connections`);
  form = await submitTampered(mPage, mPage, "Revoke M's app in A", "Yes, revoke", { grantId: ids.grant });
  await expect(form.getByRole("alert")).toHaveText(NOT_YOURS);
});

test("the audit export checks the role itself", async () => {
  expect((await mPage.request.get(`/orgs/${a.slug}/audit/export`)).status()).toBe(403);
  expect((await xPage.request.get(`/orgs/${a.slug}/audit/export`)).status()).toBe(404);
  const own = await xPage.request.get(`/orgs/${b.slug}/audit/export`);
  expect(own.status()).toBe(200);
  expect(own.headers()["content-type"]).toContain("text/csv");
});

test("org A is untouched", async () => {
  await ownerPage.goto(`/orgs/${a.slug}/clients`);
  const item = ownerPage.getByRole("listitem", { name: "A service" });
  await expect(item).toBeVisible();
  await expect(item.getByText("Disabled", { exact: true })).toHaveCount(0);
  await ownerPage.goto(`/orgs/${a.slug}/grants`);
  await expect(ownerPage.getByRole("row").filter({ hasText: "A app" })).toHaveCount(1);
  await ownerPage.goto(`/orgs/${a.slug}/members`);
  await expect(ownerPage.getByLabel(`Change ${owner.email} to`)).toHaveValue("owner");
  await expect(ownerPage.getByLabel(`Change ${m.email} to`)).toHaveValue("member");
  await expect(ownerPage.getByText("No pending invitations.")).toBeVisible();
  await ownerPage.goto(`/orgs/${a.slug}/keys`);
  await expect(ownerPage.getByRole("table", { name: "Signing keys" }).getByRole("row")).toHaveCount(2);
  await ownerPage.goto(`/orgs/${a.slug}/settings`);
  await expect(ownerPage.getByLabel("Open registration")).toBeChecked();
  for (const person of [m, x]) {
    await ownerPage.goto(`/orgs/${a.slug}/audit?actor=${encodeURIComponent(person.email)}&kind=client.created`);
    await expect(ownerPage.getByText("No event matches this filter")).toBeVisible();
  }
});
