import { orgNavItems } from "@/app/(portal)/orgs/[org]/orgNavItems";
import { expect, test } from "./fixtures";
import { member, orgA, orgB, owner } from "./people";
import { signIn } from "./signIn";

const origin = "http://localhost:3210";

// One installation, built up step by step: the first test needs a database with no user at all.
test.describe.configure({ mode: "serial" });

let inviteLink = "";

test("first run creates the owner account and the organization", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Set up Gatehouse" })).toBeVisible();

  await page.getByLabel("Your name (optional)").fill(owner.name);
  await page.getByLabel("Email").fill(owner.email);
  await page.getByLabel("Password").fill("short");
  await page.getByLabel("Organization name").fill(orgA.name);
  await expect(page.getByLabel("Organization slug")).toHaveValue(orgA.slug);
  await page.getByRole("button", { name: "Create account and organization" }).click();

  // Refused next to the field, and nothing typed is lost.
  await expect(page.getByRole("alert").filter({ hasText: "Check the highlighted fields." })).toBeVisible();
  await expect(page.getByLabel("Password")).toHaveAccessibleDescription(/Use at least 8 characters/);
  await expect(page.getByLabel("Email")).toHaveValue(owner.email);
  await expect(page.getByLabel("Organization slug")).toHaveValue(orgA.slug);

  await page.getByLabel("Password").fill(owner.password);
  await page.getByRole("button", { name: "Create account and organization" }).click();

  await expect(page).toHaveURL(`/orgs/${orgA.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: orgA.name })).toBeVisible();
  await expect(page.getByLabel("Issuer", { exact: true })).toHaveValue(`${origin}/orgs/${orgA.slug}`);
  await expect(page.getByLabel("Authorization server metadata URL", { exact: true })).toHaveValue(
    `${origin}/.well-known/oauth-authorization-server/orgs/${orgA.slug}`,
  );
  await expect(page.getByLabel("Demo MCP server URL", { exact: true })).toHaveValue(`${origin}/mcp/${orgA.slug}/demo`);
  await expect(page.getByRole("definition").filter({ hasText: /^\d+$/ })).toHaveText(["1", "0", "0", "1"]);
  await expect(page.getByRole("banner").getByText(owner.email)).toBeVisible();
});

test("once set up, the landing page offers sign-in instead of set-up", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "OAuth 2.1 for your MCP servers" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Set up Gatehouse" })).toHaveCount(0);
  await page.getByRole("link", { name: "Sign in" }).click();
  await expect(page).toHaveURL("/signin");
});

test("sign out, then sign in again", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, owner);
  await expect(page).toHaveURL(`/orgs/${orgA.slug}`);

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL("/signin");
  await page.goto(`/orgs/${orgA.slug}`);
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${orgA.slug}`)}`);

  await signIn(page, owner);
  await expect(page).toHaveURL(`/orgs/${orgA.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: orgA.name })).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, { email: owner.email, password: "not the password" });
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
  await expect(page).toHaveURL("/signin");

  await signIn(page, { email: "nobody@example.com", password: owner.password });
  await expect(page.getByRole("alert").filter({ hasText: "Wrong email or password." })).toBeVisible();
});

test("a signed-out visitor is sent to sign in and brought back to the page", async ({ page }) => {
  await page.goto(`/orgs/${orgA.slug}/members`);
  await expect(page).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${orgA.slug}/members`)}`);
  await signIn(page, owner);
  await expect(page).toHaveURL(`/orgs/${orgA.slug}/members`);
  await expect(page.getByRole("heading", { level: 1, name: "Members" })).toBeVisible();
});

// The org layout leaves signed-out visitors to the page, which alone knows its own path for the
// way back: so every page must call requireOrgPage itself.
test("every org page sends a signed-out visitor to sign in", async ({ page }) => {
  const paths = [...orgNavItems.map((item) => `/orgs/${orgA.slug}${item.path ? `/${item.path}` : ""}`), `/orgs/${orgA.slug}/forbidden`];
  for (const path of paths) {
    await page.goto(path);
    await expect(page, path).toHaveURL(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  }
});

test("sign-in never sends the browser to another site", async ({ page }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent("//evil.example/steal")}`);
  await signIn(page, owner);
  await expect(page).toHaveURL(`/orgs/${orgA.slug}`);
});

test("an admin creates an invite link and a new person joins with it as a member", async ({ page, newVisitor }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${orgA.slug}/members`)}`);
  await signIn(page, owner);
  await expect(page.getByRole("table", { name: `Members of ${orgA.name}` })).toContainText(owner.email);
  await expect(page.getByText("No pending invitations.")).toBeVisible();

  await page.getByLabel("Role").selectOption({ label: "Member: can authorize MCP clients" });
  await page.getByRole("button", { name: "Create invite link" }).click();
  const created = page.getByRole("status").filter({ hasText: "shown only once" });
  await expect(created).toContainText("Invite link for a member created");
  inviteLink = await page.getByLabel("Invite link", { exact: true }).inputValue();
  expect(inviteLink).toMatch(new RegExp(`^${origin}/invite/[A-Za-z0-9_-]{43}$`));
  await expect(page.getByRole("table", { name: "Pending invitations" })).toContainText(owner.email);

  const visitor = await newVisitor();
  await visitor.goto(inviteLink);
  await expect(visitor.getByRole("heading", { name: `Join ${orgA.name}` })).toBeVisible();
  await expect(visitor.getByText(`You are invited to join ${orgA.name} as a member`)).toBeVisible();
  await expect(visitor.getByRole("link", { name: "Sign in to accept" })).toHaveAttribute(
    "href",
    `/signin?callbackUrl=${encodeURIComponent(new URL(inviteLink).pathname)}`,
  );
  await visitor.getByLabel("Your name (optional)").fill(member.name);
  await visitor.getByLabel("Email").fill(member.email);
  await visitor.getByLabel("Password").fill(member.password);
  await visitor.getByRole("button", { name: "Create account and join" }).click();

  await expect(visitor).toHaveURL(`/orgs/${orgA.slug}`);
  await expect(visitor.getByRole("heading", { level: 1, name: orgA.name })).toBeVisible();
  await expect(visitor.getByText("your role: member")).toBeVisible();
  const nav = visitor.getByRole("navigation", { name: "Organization" });
  await expect(nav.getByRole("link", { name: "Overview" })).toBeVisible();
  await expect(nav.getByRole("link", { name: "Members" })).toHaveCount(0);

  // One link admits one person.
  await visitor.goto(inviteLink);
  await expect(visitor.getByText("This invitation link has already been used.")).toBeVisible();

  await page.reload();
  await expect(page.getByRole("table", { name: `Members of ${orgA.name}` })).toContainText(member.email);
  await expect(page.getByText("No pending invitations.")).toBeVisible();
});

test("an invalid invite link says so and offers no form", async ({ page }) => {
  await page.goto("/invite/not-a-real-token");
  await expect(page.getByText("This invitation link is not valid.")).toBeVisible();
  await expect(page.getByRole("textbox")).toHaveCount(0);
});

test("a member cannot open the members page", async ({ page }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${orgA.slug}/members`)}`);
  await signIn(page, member);
  await expect(page).toHaveURL(`/orgs/${orgA.slug}/forbidden`);
  await expect(page.getByRole("heading", { name: "You need the admin role for this page" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the overview" }).click();
  await expect(page).toHaveURL(`/orgs/${orgA.slug}`);
  await expect(page.getByRole("link", { name: "Invite people" })).toHaveCount(0);
});

test("an owner creates a second organization and switches between them", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, owner);
  await expect(page).toHaveURL(`/orgs/${orgA.slug}`);

  await page.getByText("Organization", { exact: true }).click();
  await page.getByRole("link", { name: "+ New organization" }).click();
  await expect(page).toHaveURL("/orgs/new");
  await page.getByLabel("Organization name").fill(orgB.name);
  await expect(page.getByLabel("Organization slug")).toHaveValue(orgB.slug);
  await page.getByRole("button", { name: "Create organization" }).click();

  await expect(page).toHaveURL(`/orgs/${orgB.slug}`);
  await expect(page.getByRole("heading", { level: 1, name: orgB.name })).toBeVisible();
  await page.getByText("Organization", { exact: true }).click();
  const orgs = page.getByRole("list", { name: "Your organizations" });
  await expect(orgs.getByRole("link")).toHaveText([`${orgA.name}owner`, `${orgB.name}owner`]);
  await orgs.getByRole("link", { name: orgA.name }).click();
  await expect(page).toHaveURL(`/orgs/${orgA.slug}`);

  // The slug is taken now.
  await page.goto("/orgs/new");
  await page.getByLabel("Organization name").fill("Another Beta");
  await page.getByLabel("Organization slug").fill(orgB.slug);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page.getByLabel("Organization slug")).toHaveAccessibleDescription(/is taken/);
});

test("a member of one organization gets a 404 for another", async ({ page }) => {
  await page.goto("/signin");
  await signIn(page, member);
  await expect(page).toHaveURL(`/orgs/${orgA.slug}`);

  for (const path of [`/orgs/${orgB.slug}`, `/orgs/${orgB.slug}/members`, "/orgs/no-such-org"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Organization not found" })).toBeVisible();
  }
});

test("an existing user signs in from an invitation and joins as an admin", async ({ page, newVisitor }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${orgB.slug}/members`)}`);
  await signIn(page, owner);
  await page.getByLabel("Role").selectOption({ label: "Admin: manages servers, clients and members" });
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByRole("status").filter({ hasText: "shown only once" })).toContainText("Invite link for an admin created");
  const link = await page.getByLabel("Invite link", { exact: true }).inputValue();

  const visitor = await newVisitor();
  await visitor.goto(link);
  await expect(visitor.getByText(`You are invited to join ${orgB.name} as an admin`)).toBeVisible();
  await visitor.getByRole("link", { name: "Sign in to accept" }).click();
  await signIn(visitor, member);
  await expect(visitor).toHaveURL(new URL(link).pathname);
  await expect(visitor.getByText(`Signed in as ${member.email}.`)).toBeVisible();
  await visitor.getByRole("button", { name: `Join ${orgB.name}` }).click();

  await expect(visitor).toHaveURL(`/orgs/${orgB.slug}`);
  await expect(visitor.getByText("your role: admin")).toBeVisible();
  await expect(visitor.getByRole("navigation", { name: "Organization" }).getByRole("link", { name: "Members" })).toBeVisible();
});

test("an admin cannot create an owner invitation, even by editing the form", async ({ page }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${orgB.slug}/members`)}`);
  await signIn(page, member);
  const role = page.getByLabel("Role");
  await expect(role.getByRole("option")).toHaveText(["Member: can authorize MCP clients", "Admin: manages servers, clients and members"]);

  await role.evaluate((select: HTMLSelectElement) => select.add(new Option("Owner", "owner")));
  await role.selectOption("owner");
  await page.getByRole("button", { name: "Create invite link" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Only an owner can invite an owner" })).toBeVisible();
  await expect(role).toHaveAccessibleDescription("Only an owner can invite an owner");
  await expect(page.getByText("No pending invitations.")).toBeVisible();
});

test("an invitation for an org one already belongs to says so", async ({ page }) => {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${orgA.slug}/members`)}`);
  await signIn(page, owner);
  await page.getByRole("button", { name: "Create invite link" }).click();
  const link = await page.getByLabel("Invite link", { exact: true }).inputValue();
  await page.goto(link);
  await expect(page.getByText(`You are already a member of ${orgA.name}.`)).toBeVisible();
  await expect(page.getByRole("button", { name: `Join ${orgA.name}` })).toHaveCount(0);
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test("the sidebar opens from the Menu button", async ({ page }) => {
    await page.goto("/signin");
    await signIn(page, owner);
    await expect(page).toHaveURL(`/orgs/${orgA.slug}`);
    const nav = page.getByRole("navigation", { name: "Organization" });
    const menu = page.getByRole("button", { name: "Menu" });
    await expect(nav).toBeHidden();
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    await menu.click();
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await nav.getByRole("link", { name: "Members" }).click();
    await expect(page).toHaveURL(`/orgs/${orgA.slug}/members`);
    await expect(nav).toBeHidden();
  });
});
