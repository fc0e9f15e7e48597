import { expect, test } from "./fixtures";
import { invitePerson, ORIGIN, ownerWithNewOrg, screenshot } from "./portal-support";

const STEPS = [
  "Unauthenticated request",
  "Protected resource metadata (RFC 9728)",
  "Authorization server metadata (RFC 8414)",
  "Dynamic client registration (RFC 7591)",
  "Authorization in a popup (PKCE S256, RFC 9207)",
  "Token request",
  "MCP initialize",
  "MCP notifications/initialized",
  "MCP tools/list",
  "Clean up: delete the test client (RFC 7592)",
];

test("the flow tester runs an MCP client's whole flow on the demo server, consent in a popup, up to tools/list", async ({ page }, testInfo) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to (connect|execute|load)/i.test(message.text())) violations.push(message.text());
  });
  const { slug } = await ownerWithNewOrg(page, "Flow");
  await page.goto(`/orgs/${slug}/servers/demo`);
  await page.getByRole("link", { name: "Test the full flow" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}/servers/demo/flow`);
  await expect(page.getByRole("heading", { name: "Flow tester", level: 1 })).toBeVisible();
  await expect(page.getByText(`${ORIGIN}/orgs/${slug}/flow-tester/callback`)).toBeVisible();

  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Run the flow" }).click();
  const popup = await popupOpened;
  // The consent screen, in the popup, for the client the run registered and the demo server's default scope.
  await expect(popup.getByTestId("consent-client-name")).toHaveText("Gatehouse flow tester");
  await expect(popup.getByTestId("consent-scopes")).toContainText("mcp:tools");
  await popup.getByRole("button", { name: "Allow access" }).click();
  await popup.waitForEvent("close");

  const steps = page.getByRole("list", { name: "Flow steps" });
  await expect(page.getByRole("status").filter({ hasText: "Done: 10 of 10 steps passed." })).toBeVisible({ timeout: 30_000 });
  for (const title of STEPS) await expect(steps.getByRole("listitem", { name: title, exact: true }).getByText("Passed", { exact: true })).toBeVisible();
  await expect(steps.getByText("Failed", { exact: true })).toHaveCount(0);
  await expect(steps.getByRole("listitem", { name: "MCP tools/list" })).toContainText(/tools? this token may call: .*whoami/);
  await expect(steps.getByRole("listitem", { name: "Token request" })).toContainText(`for ${ORIGIN}/mcp/${slug}/demo with scope "mcp:tools"`);

  // The exchanges are shown, with the credentials cut to a prefix.
  const token = steps.getByRole("listitem", { name: "Token request" });
  await token.getByText("Request and response").click();
  await expect(token.getByText(/"access_token": "eyJ[^"]{5}… \(\d+ characters, redacted\)"/)).toBeVisible();
  await expect(token.getByText(/code_verifier=.{8}… \(43 characters, redacted\)/)).toBeVisible();
  await steps.getByRole("listitem", { name: "MCP tools/list" }).getByText("Request and response").click();
  await expect(steps.getByRole("listitem", { name: "MCP tools/list" }).getByText(/^Bearer eyJ.{5}… \(\d+ characters, redacted\)$/)).toBeVisible();
  // The last step deleted the client with its registration access token (RFC 7592), redacted too.
  const cleanup = steps.getByRole("listitem", { name: "Clean up: delete the test client (RFC 7592)" });
  await expect(cleanup).toContainText(/Deleted the client \S+; the grant and tokens of this run went with it\./);
  await cleanup.getByText("Request and response").click();
  await expect(cleanup.getByText(/^Bearer .{8}… \(\d+ characters, redacted\)$/)).toBeVisible();
  await expect(cleanup.getByText("204", { exact: true })).toBeVisible();
  expect(violations).toEqual([]);
  await screenshot(page, testInfo, "flow-tester");

  // The run left nothing behind: neither the client it registered nor the grant it obtained.
  await page.goto(`/orgs/${slug}/clients`);
  await expect(page.getByRole("heading", { name: "Registered clients (0)" })).toBeVisible();
  await expect(page.getByText("Gatehouse flow tester")).toHaveCount(0);
  await page.goto(`/orgs/${slug}/grants`);
  await expect(page.getByText("No active grants")).toBeVisible();
});

test("the flow tester explains where a flow stops: open registration off", async ({ page }) => {
  const { slug } = await ownerWithNewOrg(page, "Flow closed");
  await page.goto(`/orgs/${slug}/settings`);
  await page.getByLabel("Open registration").uncheck();
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();

  await page.goto(`/orgs/${slug}/servers/demo/flow`);
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Run the flow" }).click();
  await popupOpened;
  const registration = page.getByRole("list", { name: "Flow steps" }).getByRole("listitem", { name: "Dynamic client registration (RFC 7591)" });
  await expect(registration.getByText("Failed", { exact: true })).toBeVisible();
  await expect(registration).toContainText("Why: The metadata has no registration_endpoint: open registration is off.");
  await expect(registration).toContainText("Next: A client would use a Client ID Metadata Document URL as its client_id.");
  await expect(page.getByRole("status").filter({ hasText: "Stopped at “Dynamic client registration (RFC 7591)”" })).toBeVisible();
  await expect(page.getByRole("list", { name: "Flow steps" }).getByText("Not run", { exact: true })).toHaveCount(6);
  await expect(page.getByRole("list", { name: "Flow steps" }).getByRole("listitem", { name: "Clean up: delete the test client (RFC 7592)" })).toContainText("Not run: no client was registered.");
});

test("for a server hosted elsewhere the flow tester runs the OAuth steps and explains why it stops before MCP", async ({ page }) => {
  const { slug } = await ownerWithNewOrg(page, "Flow external");
  await page.goto(`/orgs/${slug}/servers`);
  await page.getByLabel("Name", { exact: true }).fill("Files");
  await page.getByLabel("Slug", { exact: true }).fill("files");
  await page.getByLabel("Where it runs").selectOption("external");
  await page.getByLabel("Resource URI").fill("https://files.example.com/mcp");
  await page.getByRole("button", { name: "Add server" }).click();
  await expect(page).toHaveURL(`/orgs/${slug}/servers/files`);
  await page.getByLabel("Scope name").fill("files:read");
  await page.getByLabel("Default scope").check();
  await page.getByRole("button", { name: "Add scope" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Scope files:read added" })).toBeVisible();

  await page.getByRole("link", { name: "Test the full flow" }).click();
  const popupOpened = page.waitForEvent("popup");
  await page.getByRole("button", { name: "Run the flow" }).click();
  const popup = await popupOpened;
  await expect(popup.getByTestId("consent-scopes")).toContainText("files:read");
  await popup.getByRole("button", { name: "Allow access" }).click();

  const steps = page.getByRole("list", { name: "Flow steps" });
  await expect(page.getByRole("status").filter({ hasText: "Done: 7 of 10 steps passed; the others were not run." })).toBeVisible({ timeout: 30_000 });
  await expect(steps.getByRole("listitem", { name: "Unauthenticated request" })).toContainText("(the challenge URL: the server itself is hosted elsewhere)");
  await expect(steps.getByRole("listitem", { name: "Token request" })).toContainText('for https://files.example.com/mcp with scope "files:read"');
  await expect(steps.getByRole("listitem", { name: "MCP tools/list" })).toContainText("Not run: this server is hosted elsewhere.");
  await expect(steps.getByText("Failed", { exact: true })).toHaveCount(0);
});

test("the flow tester is an admin page: a member is sent to the forbidden page", async ({ page, newVisitor }) => {
  const { slug } = await ownerWithNewOrg(page, "Flow member");
  const visitor = await newVisitor();
  await invitePerson(page, visitor, slug, "member", "flow");
  await visitor.goto(`/orgs/${slug}/servers/demo/flow`);
  await expect(visitor).toHaveURL(`/orgs/${slug}/forbidden`);
});
