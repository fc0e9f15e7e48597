import { expect, test } from "./fixtures";
import { confirm, connectClient, invitePerson, ownerWithNewOrg, refreshWith, screenshot } from "./portal-support";
import { owner } from "./people";

test("an admin revokes a grant and the client's refresh token is refused at once", async ({ page }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Grants");
  await page.goto(`/orgs/${slug}/grants`);
  await expect(page.getByText("No active grants", { exact: true })).toBeVisible();

  const kept = await connectClient(page, slug, "Inspector");
  const doomed = await connectClient(page, slug, "Cursor");
  await page.goto(`/orgs/${slug}/grants`);
  const table = page.getByRole("table", { name: "Active grants" });
  const row = table.getByRole("row").filter({ hasText: doomed.clientId });
  await expect(row).toContainText(owner.email);
  await expect(row).toContainText("Demo MCP server");
  await expect(row).toContainText("mcp:tools");
  await screenshot(page, testInfo, "grants");

  await confirm(row, `Revoke the grant of Cursor for ${owner.email}`, "Yes, revoke");
  await expect(table.getByRole("row").filter({ hasText: doomed.clientId })).toHaveCount(0);
  await expect(table.getByRole("row").filter({ hasText: kept.clientId })).toHaveCount(1);
  expect(await refreshWith(slug, doomed)).toMatchObject({ status: 400, body: { error: "invalid_grant" } });
  expect((await refreshWith(slug, kept)).status).toBe(200);
});

test("an admin revokes every grant of one client from the filtered list", async ({ page, newVisitor }) => {
  const { slug } = await ownerWithNewOrg(page, "Revoke all");
  const visitor = await newVisitor();
  await invitePerson(page, visitor, slug, "member", "grantee");
  const mine = await connectClient(page, slug, "Shared app");
  // The member approves the same client for themself, and another one.
  const theirs = await connectClient(visitor, slug, mine);
  const other = await connectClient(visitor, slug, "Other app");

  await page.goto(`/orgs/${slug}/grants`);
  await page.getByLabel("Client").selectOption({ label: `Shared app (${mine.clientId.slice(0, 24)})` });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/client=/);
  // The header row and one grant for each person.
  await expect(page.getByRole("table", { name: "Active grants" }).getByRole("row")).toHaveCount(3);
  await confirm(page, "Revoke all grants of this client", "Yes, revoke all");
  await expect(page.getByText("No active grant matches this filter")).toBeVisible();
  for (const connection of [mine, theirs]) expect((await refreshWith(slug, connection)).body.error).toBe("invalid_grant");

  await page.getByRole("link", { name: "Clear" }).click();
  await expect(page.getByRole("table", { name: "Active grants" })).toContainText(other.clientId);
  expect((await refreshWith(slug, other)).status).toBe(200);
});

test("a member sees only their own connections and revokes one", async ({ page, newVisitor }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Connections");
  const visitor = await newVisitor();
  const member = await invitePerson(page, visitor, slug, "member", "conn");
  await connectClient(page, slug, "Owner's app");
  const app = await connectClient(visitor, slug, "Member's app");

  await visitor.goto(`/orgs/${slug}`);
  const nav = visitor.getByRole("navigation", { name: "Organization" });
  await expect(nav.getByRole("link")).toHaveText(["Overview", "My connections"]);
  await expect(visitor.getByText("You have 1 connected application.")).toBeVisible();
  await nav.getByRole("link", { name: "My connections" }).click();
  const table = visitor.getByRole("table", { name: "Your connections" });
  await expect(table).toContainText("Member's app");
  await expect(table).not.toContainText("Owner's app");
  await screenshot(visitor, testInfo, "my-connections");

  await confirm(table, "Revoke Member's app", "Yes, revoke");
  await expect(visitor.getByText("You have not connected any application yet")).toBeVisible();
  expect((await refreshWith(slug, app)).body.error).toBe("invalid_grant");

  // The admin pages stay closed to a member.
  for (const path of ["clients", "grants", "keys", "audit", "settings"]) {
    await visitor.goto(`/orgs/${slug}/${path}`);
    await expect(visitor, path).toHaveURL(`/orgs/${slug}/forbidden`);
  }
  expect(member.email).toContain("conn-");
});
