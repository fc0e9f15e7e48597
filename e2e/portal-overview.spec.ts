import { expect, test } from "./fixtures";
import { connectClient, invitePerson, ownerWithNewOrg, screenshot, tokenRequest } from "./portal-support";

test("the overview counts, charts and lists what happens in the org, and ticks the getting-started list", async ({ page, newVisitor }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Overview");
  const stat = (label: string) => page.getByRole("term").filter({ hasText: label }).locator("xpath=following-sibling::dd[1]");
  await expect(stat("MCP servers")).toHaveText("1");
  await expect(stat("Tokens issued today")).toHaveText("0 issued, 0 refused");
  const checklist = page.getByRole("list", { name: "Getting started checklist" });
  await expect(page.getByText("0 of 4 done.")).toBeVisible();
  await expect(checklist).toContainText(`/mcp/${slug}/demo`);
  const chart = page.getByRole("img", { name: /Tokens issued and refused per hour, the last 24 hours/ });
  await expect(chart).toHaveAccessibleDescription("No tokens were issued or refused in the last 24 hours.");

  await connectClient(page, slug, "Claude");
  expect((await tokenRequest(slug, { grant_type: "refresh_token", refresh_token: "not-a-token", client_id: "nobody" })).status).toBeGreaterThanOrEqual(400);
  await invitePerson(page, await newVisitor(), slug, "member", "overview");

  await page.goto(`/orgs/${slug}`);
  await expect(stat("Active grants")).toHaveText("1");
  await expect(stat("Tokens issued today")).toHaveText("1 issued, 1 refused");
  await expect(stat("Members")).toHaveText("2");
  await expect(page.getByText("2 of 4 done.")).toBeVisible();
  await expect(checklist.getByRole("listitem").filter({ hasText: "Connect an MCP client to the demo server" })).toContainText("(done)");
  await expect(checklist.getByRole("listitem").filter({ hasText: "Create a confidential client" })).toContainText("(to do)");
  await expect(chart).toHaveAccessibleDescription(/^1 issued and 1 refused in the last 24 hours/);
  const recent = page.getByRole("list", { name: "Recent audit events" });
  // org.created, client.registered, consent.granted, code.issued, token.issued, token.refused, invite.created, member.joined
  await expect(recent.getByRole("listitem")).toHaveCount(8);
  await expect(recent.getByRole("listitem").first()).toContainText("member.joined");
  await expect(recent).toContainText("token.issued");
  await expect(recent).toContainText("token.refused");
  await screenshot(page, testInfo, "overview");

  await page.getByRole("navigation", { name: "Time range" }).getByRole("link", { name: "7 days" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}?range=7d`);
  const weekly = page.getByRole("img", { name: /per day, the last 7 days/ });
  await expect(weekly).toHaveAccessibleDescription(/^1 issued and 1 refused in the last 7 days/);
  await page.getByText("Show the numbers").click();
  const numbers = page.getByRole("table", { name: "Tokens per day, the last 7 days" });
  await expect(numbers.getByRole("row")).toHaveCount(8);
  await expect(numbers.getByRole("row").last()).toContainText(/11$/);
});
