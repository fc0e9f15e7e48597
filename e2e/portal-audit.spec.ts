import { readFile } from "node:fs/promises";
import { expect, test } from "./fixtures";
import { owner } from "./people";
import { ORIGIN, confirm, connectClient, ownerWithNewOrg, registerClient, screenshot, tokenRequest } from "./portal-support";

test("an admin filters the audit log, pages through it and exports the filtered view as CSV", async ({ page }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Audit");
  await page.goto(`/orgs/${slug}/keys`);
  await confirm(page, "Rotate key", "Yes, rotate");
  await expect(page.getByRole("status")).toBeVisible();
  const app = await connectClient(page, slug, "Inspector");
  // A client whose name is a spreadsheet formula, and 55 refused token requests for the pager.
  const sneaky = await registerClient(slug, '=HYPERLINK("http://evil.example","click")');
  await Promise.all(Array.from({ length: 55 }, () => tokenRequest(slug, { grant_type: "refresh_token", refresh_token: "bogus", client_id: "pager" })));

  await page.goto(`/orgs/${slug}/audit`);
  const events = page.getByRole("table", { name: "Audit events" });
  await page.getByLabel("Kind").selectOption("key.rotated");
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page).toHaveURL(/kind=key\.rotated/);
  await expect(page.getByRole("heading", { name: "1 event match" })).toBeVisible();
  await expect(events.getByRole("row").nth(1)).toContainText(owner.email);

  // By actor: the owner's own actions only.
  await page.goto(`/orgs/${slug}/audit?actor=${encodeURIComponent(owner.email)}`);
  await expect(events).toContainText("consent.granted");
  await expect(events).not.toContainText("client.registered");

  // By client, then a time range with nothing in it.
  await page.goto(`/orgs/${slug}/audit`);
  await page.getByLabel("Client ID").fill(app.clientId);
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(events).toContainText("client.registered");
  await expect(events).toContainText("token.issued");
  await page.getByLabel("From (UTC)").fill("2099-01-01T00:00");
  await page.getByRole("button", { name: "Apply filter" }).click();
  await expect(page.getByText("No event matches this filter")).toBeVisible();
  await page.goto(`/orgs/${slug}/audit?from=yesterday`);
  await expect(page.getByLabel("From (UTC)")).toHaveAccessibleDescription(/Enter a date and time/);

  // 50 per page.
  await page.goto(`/orgs/${slug}/audit?kind=token.refused`);
  await expect(page.getByRole("heading", { name: "55 events match" })).toBeVisible();
  await expect(events.getByRole("row")).toHaveCount(51);
  await expect(page.getByText("Page 1 of 2")).toBeVisible();
  await screenshot(page, testInfo, "audit-log");
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/kind=token\.refused/);
  await expect(events.getByRole("row")).toHaveCount(6);

  // The export follows the filter, and defuses formulas.
  await page.goto(`/orgs/${slug}/audit?client=${encodeURIComponent(sneaky.clientId)}`);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^audit-${slug}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toBe("at,kind,actor_type,actor_id,actor_label,client_id,server_id,target_type,target_id,ip,user_agent,details");
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`client.registered,client,${sneaky.clientId},"'=HYPERLINK(""http://evil.example"",""click"")"`);

  // The export checks the session itself.
  const anonymous = await fetch(`${ORIGIN}/orgs/${slug}/audit/export`);
  expect(anonymous.status).toBe(401);
});
