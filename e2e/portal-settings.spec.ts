import { expect, test } from "./fixtures";
import { ORIGIN, ownerWithNewOrg, screenshot, tokenRequest } from "./portal-support";

test("an admin changes the org's settings and the authorization server follows them", async ({ page }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Settings");
  await page.goto(`/orgs/${slug}/settings`);
  const access = page.getByLabel("Access-token lifetime", { exact: true });
  const accessUnit = page.getByLabel("Access-token lifetime: unit");
  await expect(page.getByLabel("Open registration")).toBeChecked();
  const cimd = page.getByLabel("Client ID Metadata Documents", { exact: true });
  const hosts = page.getByLabel("Allowed hosts", { exact: true });
  await expect(cimd).toHaveValue("any_public_host");
  await expect(hosts).toHaveValue("");
  await expect(page.getByLabel("Who may authorize clients")).toHaveValue("members");
  await expect(access).toHaveValue("1");
  await expect(accessUnit).toHaveValue("hours");
  await expect(page.getByLabel("Refresh-token lifetime", { exact: true })).toHaveValue("30");
  await expect(page.getByLabel("Refresh-token lifetime: unit")).toHaveValue("days");
  await expect(page.getByLabel("Default resource").locator("option:checked")).toHaveText("Demo MCP server (demo)");
  await screenshot(page, testInfo, "settings");

  // Out of bounds: refused next to the field, nothing saved.
  await access.fill("30");
  await accessUnit.selectOption("seconds");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose between 60 seconds and 24 hours" })).toBeVisible();
  await expect(access).toHaveAccessibleDescription(/Choose between 60 seconds and 24 hours/);

  // The CIMD allow-list takes host names only.
  await access.fill("1");
  await accessUnit.selectOption("hours");
  await cimd.selectOption("listed_hosts");
  await hosts.fill("https://app.example.com/client.json");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(hosts).toHaveAccessibleDescription(/"https:\/\/app\.example\.com\/client\.json" is not a host name/);

  await hosts.fill("app.example.com\nClients.Example.org");
  await access.fill("10");
  await accessUnit.selectOption("minutes");
  await page.getByLabel("Open registration").uncheck();
  await page.getByLabel("Who may authorize clients").selectOption("any_user");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status")).toHaveText("Settings saved. They apply to new requests and new tokens from now on.");

  await page.reload();
  await expect(access).toHaveValue("10");
  await expect(accessUnit).toHaveValue("minutes");
  await expect(page.getByLabel("Open registration")).not.toBeChecked();
  await expect(page.getByLabel("Who may authorize clients")).toHaveValue("any_user");
  await expect(cimd).toHaveValue("listed_hosts");
  await expect(hosts).toHaveValue("app.example.com\nclients.example.org");
  const metadata = await (await fetch(`${ORIGIN}/.well-known/oauth-authorization-server/orgs/${slug}`)).json();
  expect(metadata.client_id_metadata_document_supported).toBe(true);

  // Open registration is off: an MCP client can no longer register itself.
  const registration = await fetch(`${ORIGIN}/orgs/${slug}/api/v1/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "Late", redirect_uris: ["http://127.0.0.1/cb"], token_endpoint_auth_method: "none" }),
  });
  expect(registration.status).toBe(403);

  // New access tokens live 10 minutes.
  await page.goto(`/orgs/${slug}/clients`);
  await page.getByLabel("Name", { exact: true }).fill("Timer");
  await page.getByRole("button", { name: "Create client" }).click();
  const id = await page.getByLabel("Client ID", { exact: true }).inputValue();
  const secret = await page.getByLabel("Client secret", { exact: true }).inputValue();
  const issued = await tokenRequest(slug, { grant_type: "client_credentials", resource: `${ORIGIN}/mcp/${slug}/demo` }, { id, secret });
  expect(issued).toMatchObject({ status: 200, body: { expires_in: 600 } });

  await page.goto(`/orgs/${slug}/audit?kind=org.settings_updated`);
  await expect(page.getByRole("table", { name: "Audit events" }).getByRole("row")).toHaveCount(2);
});
