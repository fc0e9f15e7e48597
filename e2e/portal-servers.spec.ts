import { expect, test } from "./fixtures";
import { confirm, ORIGIN, ownerWithNewOrg, screenshot } from "./portal-support";

test("an admin adds an MCP server with scopes and a tool map, sees it listed, and deletes it", async ({ page }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Servers");
  await page.getByRole("link", { name: "MCP servers" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}/servers`);
  const table = page.getByRole("table", { name: "MCP servers" });
  await expect(table).toContainText("demo");
  await screenshot(page, testInfo, "servers-list");

  // Validation keeps what was typed.
  await page.getByLabel("Name", { exact: true }).fill("Files");
  await page.getByLabel("Slug", { exact: true }).fill("Files!");
  await page.getByRole("button", { name: "Add server" }).click();
  await expect(page.getByLabel("Slug", { exact: true })).toHaveAccessibleDescription(/lower-case letters/i);
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("Files");

  await page.getByLabel("Slug", { exact: true }).fill("files");
  await page.getByRole("button", { name: "Add server" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}/servers/files`);
  await expect(page.getByRole("heading", { name: "Files", level: 1 })).toBeVisible();
  const resource = `${ORIGIN}/mcp/${slug}/files`;
  await expect(page.getByLabel("Resource identifier", { exact: true })).toHaveValue(resource);
  await expect(page.getByLabel("Resource metadata URL", { exact: true })).toHaveValue(`${ORIGIN}/.well-known/oauth-protected-resource/mcp/${slug}/files`);
  await expect(page.getByLabel("Authorization server metadata URL", { exact: true })).toHaveValue(`${ORIGIN}/.well-known/oauth-authorization-server/orgs/${slug}`);
  await expect(page.getByText(`claude mcp add --transport http files ${resource}`)).toBeVisible();
  await expect(page.getByRole("button", { name: "Copy VS Code" })).toBeVisible();

  // Scopes: add two, edit one.
  await page.getByLabel("Scope name").fill("files:read");
  await page.getByLabel("Description", { exact: true }).fill("Read your files");
  await page.getByLabel("Default scope").check();
  await page.getByRole("button", { name: "Add scope" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Scope files:read added" })).toBeVisible();
  await page.getByLabel("Scope name").fill("files:write");
  await page.getByRole("button", { name: "Add scope" }).click();
  const scopes = page.getByRole("list", { name: "Scopes" });
  await expect(scopes.getByRole("listitem", { name: "files:write" })).toBeVisible();
  const write = scopes.getByRole("listitem", { name: "files:write" });
  await write.getByLabel("Description of files:write").fill("Change your files");
  await write.getByRole("button", { name: "Save" }).click();
  await expect(write.getByRole("status")).toHaveText("Saved.");

  // The tool map names only the server's scopes.
  await page.getByLabel("Tool map").fill("read_file: files:read\nwrite_file: files:read files:admin");
  await page.getByRole("button", { name: "Save tool map" }).click();
  await expect(page.getByLabel("Tool map")).toHaveAccessibleDescription(/files:admin/);
  await page.getByLabel("Tool map").fill("read_file: files:read\nwrite_file: files:read files:write");
  await page.getByRole("button", { name: "Save tool map" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Tool map saved (2 tools)" })).toBeVisible();

  // A scope a tool needs cannot be removed; one no tool needs can.
  await confirm(write, "Remove files:write", "Yes, remove");
  await expect(write.getByRole("alert")).toContainText("needed by write_file");
  await screenshot(page, testInfo, "server-detail");

  await page.goto(`/orgs/${slug}/servers`);
  const row = table.getByRole("row").filter({ hasText: "files" }).filter({ hasText: resource });
  await expect(row).toContainText("Gateway");
  await expect(row.getByRole("cell").nth(4)).toHaveText("2");
  await expect(row.getByRole("cell").nth(5)).toHaveText("2");

  // The metadata served for it reflects the scopes.
  const metadata = await (await fetch(`${ORIGIN}/.well-known/oauth-protected-resource/mcp/${slug}/files`)).json();
  expect(metadata).toMatchObject({ resource, scopes_supported: expect.arrayContaining(["files:read", "files:write"]) });

  // Settings: a server hosted elsewhere, then delete.
  await page.goto(`/orgs/${slug}/servers/files`);
  await page.getByLabel("Where it runs").selectOption("external");
  await page.getByLabel("Resource URI").fill("https://files.example.com/mcp");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Saved." }).first()).toBeVisible();
  await expect(page.getByLabel("Resource identifier", { exact: true })).toHaveValue("https://files.example.com/mcp");
  await confirm(page, "Delete server", "Yes, delete");
  await expect(page).toHaveURL(`/orgs/${slug}/servers`);
  await expect(table).not.toContainText("files.example.com");
});

test("the challenge tester passes every check on the demo server", async ({ page }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Challenge");
  await page.goto(`/orgs/${slug}/servers/demo`);
  // The demo server answers tools/list: every tool it announces is already in the map.
  await page.getByRole("button", { name: "Read tools from upstream" }).click();
  const tools = page.getByRole("list", { name: "Upstream tools" });
  await expect(tools.getByRole("listitem")).toHaveCount(3);
  await expect(tools).toContainText("whoami");
  await expect(tools).toContainText("admin_report");
  await expect(page.getByText("The upstream announces 3 tools, all in the map.")).toBeVisible();
  await page.getByRole("link", { name: "Test the challenge" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}/servers/demo/challenge`);
  const checks = page.getByRole("list", { name: "Checks" });
  await expect(checks.getByRole("listitem")).toHaveCount(9);
  await expect(checks.getByText("Failed")).toHaveCount(0);
  await expect(checks.getByText("Passed")).toHaveCount(9);
  await expect(page.getByRole("heading", { name: "Checks: 9 of 9 passed" })).toBeVisible();
  await expect(page.getByText(`${ORIGIN}/.well-known/oauth-protected-resource/mcp/${slug}/demo`).first()).toBeVisible();
  await expect(page.getByText(`"issuer": "${ORIGIN}/orgs/${slug}"`)).toBeVisible();
  await screenshot(page, testInfo, "challenge-tester");
});

test("an unknown server is a 404", async ({ page }) => {
  const { slug } = await ownerWithNewOrg(page, "Servers nav");
  await page.goto(`/orgs/${slug}/servers/nope`);
  await expect(page.getByRole("heading", { name: "MCP server not found" })).toBeVisible();
  await page.getByRole("link", { name: "Back to the MCP servers" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}/servers`);
});

test("an admin exports the configuration and imports it back", async ({ page }, testInfo) => {
  const { slug } = await ownerWithNewOrg(page, "Config");
  await page.goto(`/orgs/${slug}/settings`);
  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export configuration" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(new RegExp(`^gatehouse-${slug}-.*\\.json$`));
  const path = testInfo.outputPath("config.json");
  await download.saveAs(path);
  const { readFileSync } = await import("node:fs");
  const config = JSON.parse(readFileSync(path, "utf8"));
  expect(config).toMatchObject({ format: "gatehouse-org-config/1", servers: [expect.objectContaining({ slug: "demo" })] });

  config.servers.push({ slug: "imported", name: "Imported server", scopes: [{ name: "x:read", description: "Read x" }] });
  await page.getByLabel("Configuration (JSON)").fill(JSON.stringify(config));
  await page.getByRole("button", { name: "Import…" }).click();
  await page.getByRole("button", { name: "Yes, import" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Configuration imported" })).toContainText("Servers: 1 created, 0 updated, 1 unchanged");
  await screenshot(page, testInfo, "settings-config");
  await page.goto(`/orgs/${slug}/servers`);
  await expect(page.getByRole("table", { name: "MCP servers" })).toContainText("Imported server");
});
