import { expect, test } from "./fixtures";
import { confirm, ORIGIN, ownerWithNewOrg, screenshot, tokenRequest } from "./portal-support";

test("an admin creates a confidential client, sees its secret once, then disables, enables and deletes it", async ({ page }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Clients");
  await page.goto(`/orgs/${slug}/clients`);
  await expect(page.getByText("No clients yet")).toBeVisible();

  // Validation: an authorization code client needs a redirect URI; nothing typed is lost.
  await page.getByLabel("Name", { exact: true }).fill("Reporting service");
  await page.getByLabel("Authorization code (with refresh tokens)").check();
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Enter at least one redirect URI" })).toBeVisible();
  await expect(page.getByLabel("Redirect URIs")).toHaveAccessibleDescription(/Enter at least one redirect URI/);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Reporting service");

  await page.getByLabel("Authorization code (with refresh tokens)").uncheck();
  await page.getByLabel("Scope (optional)").fill("mcp:tools");
  await page.getByRole("button", { name: "Create client" }).click();
  const created = page.getByRole("status").filter({ hasText: "shown only once" });
  await expect(created).toContainText("Client Reporting service created");
  const clientId = await page.getByLabel("Client ID", { exact: true }).inputValue();
  const secret = await page.getByLabel("Client secret", { exact: true }).inputValue();
  expect(clientId).toMatch(/^gh_/);
  expect(secret.length).toBeGreaterThan(30);
  await expect(page.getByRole("button", { name: "Copy Client secret" })).toBeVisible();
  await screenshot(page, testInfo, "clients");

  // The secret works, and it is never shown again.
  const issued = await tokenRequest(slug, { grant_type: "client_credentials", scope: "mcp:tools", resource: `${ORIGIN}/mcp/${slug}/demo` }, { id: clientId, secret });
  expect(issued.status).toBe(200);
  await page.reload();
  await expect(page.getByText(secret)).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  const item = page.getByRole("listitem", { name: "Reporting service" });
  await expect(item).toContainText(clientId);
  await expect(item).toContainText("Admin");
  await expect(item).toContainText("Confidential");
  await expect(item).toContainText("client_credentials");

  // Disabling asks first; then the client can no longer get tokens.
  await item.getByRole("button", { name: "Disable Reporting service" }).click();
  await expect(item.getByRole("group")).toContainText("Disable Reporting service?");
  await item.getByRole("button", { name: "Cancel" }).click();
  await expect(item.getByText("Disabled", { exact: true })).toHaveCount(0);
  await confirm(item, "Disable Reporting service", "Yes, disable");
  await expect(item.getByText("Disabled", { exact: true })).toBeVisible();
  const refused = await tokenRequest(slug, { grant_type: "client_credentials", scope: "mcp:tools" }, { id: clientId, secret });
  expect(refused).toMatchObject({ status: 401, body: { error: "invalid_client" } });

  await confirm(item, "Enable Reporting service", "Yes, enable");
  await expect(item.getByText("Disabled", { exact: true })).toHaveCount(0);
  expect((await tokenRequest(slug, { grant_type: "client_credentials", scope: "mcp:tools", resource: `${ORIGIN}/mcp/${slug}/demo` }, { id: clientId, secret })).status).toBe(200);

  await confirm(item, "Delete Reporting service", "Yes, delete");
  await expect(page.getByText("No clients yet")).toBeVisible();
  expect((await tokenRequest(slug, { grant_type: "client_credentials" }, { id: clientId, secret })).status).toBe(401);
});

test("a client with the authorization code flow gets its redirect URIs checked and shown", async ({ page }) => {
  const { slug } = await ownerWithNewOrg(page, "Web app");
  await page.goto(`/orgs/${slug}/clients`);
  await page.getByLabel("Name", { exact: true }).fill("Web dashboard");
  await page.getByLabel("Client credentials").uncheck();
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Choose at least one grant type" })).toBeVisible();

  await page.getByLabel("Authorization code (with refresh tokens)").check();
  await page.getByLabel("Redirect URIs").fill("http://evil.example/callback");
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByLabel("Redirect URIs")).toHaveAccessibleDescription(/redirect_uris/);

  await page.getByLabel("Redirect URIs").fill("https://dashboard.example.com/oauth/callback\nhttp://127.0.0.1:8080/cb");
  await page.getByLabel("May introspect tokens").check();
  await page.getByRole("button", { name: "Create client" }).click();
  await expect(page.getByRole("status").filter({ hasText: "shown only once" })).toBeVisible();
  const item = page.getByRole("listitem", { name: "Web dashboard" });
  await expect(item).toContainText("https://dashboard.example.com/oauth/callback");
  await expect(item).toContainText("authorization_code, refresh_token");
  await expect(item).toContainText("May introspect");
  await expect(item).toContainText("Never");
});
