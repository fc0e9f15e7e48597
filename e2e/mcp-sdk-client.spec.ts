import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Page } from "@playwright/test";
import { UnauthorizedError, type OAuthClientProvider } from "@modelcontextprotocol/sdk/client/auth.js";
import { Client } from "@modelcontextprotocol/sdk/client/index.js";
import { StreamableHTTPClientTransport } from "@modelcontextprotocol/sdk/client/streamableHttp.js";
import type { OAuthClientInformationMixed, OAuthClientMetadata, OAuthTokens } from "@modelcontextprotocol/sdk/shared/auth.js";
import { expect, test } from "./fixtures";
import { owner } from "./people";
import { signIn } from "./signIn";

// This spec's own person and org: it runs alone on a fresh installation or after the portal suite.
const person = { name: "Sam SDK", email: "sam.sdk@example.com", password: "sdk client password" };
const lab = { name: "MCP Client Lab", slug: "mcp-client-lab" };

/** A loopback redirect target (RFC 8252 §7.3): resolves with the authorization response. */
async function startCallbackServer() {
  let deliver: (url: URL) => void = () => {};
  let next = new Promise<URL>((resolve) => (deliver = resolve));
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    res.writeHead(200, { "content-type": "text/html" }).end("<h1>You can close this window.</h1>");
    if (url.pathname === "/callback") deliver(url);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    redirectUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/callback`,
    /** The next authorization response to arrive. */
    nextResponse() {
      const current = next;
      current.then(() => (next = new Promise<URL>((resolve) => (deliver = resolve))));
      return current;
    },
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/**
 * An in-memory OAuthClientProvider, as a desktop MCP client would have. Two client choices matter:
 * it keeps no refresh token (so a 403 insufficient_scope makes the SDK ask for a new authorization
 * instead of refreshing into the same scopes), and it accumulates scopes across step-ups (MCP
 * 2026-07-28 leaves that to clients; the SDK puts only the challenged scope in the request).
 */
class TestProvider implements OAuthClientProvider {
  information: OAuthClientInformationMixed | undefined;
  stored: OAuthTokens | undefined;
  verifier = "";
  authorizationUrls: URL[] = [];
  constructor(readonly redirectUrl: string) {}

  get clientMetadata(): OAuthClientMetadata {
    return { client_name: "SDK e2e client", redirect_uris: [this.redirectUrl], grant_types: ["authorization_code"], response_types: ["code"], token_endpoint_auth_method: "none" };
  }
  state() {
    return randomBytes(16).toString("base64url");
  }
  clientInformation() {
    return this.information;
  }
  saveClientInformation(information: OAuthClientInformationMixed) {
    this.information = information;
  }
  tokens() {
    return this.stored;
  }
  saveTokens(tokens: OAuthTokens) {
    this.stored = { ...tokens, refresh_token: undefined };
  }
  redirectToAuthorization(url: URL) {
    const granted = this.stored?.scope?.split(" ") ?? [];
    const asked = url.searchParams.get("scope")?.split(" ") ?? [];
    url.searchParams.set("scope", [...new Set([...granted, ...asked])].join(" "));
    this.authorizationUrls.push(url);
  }
  saveCodeVerifier(verifier: string) {
    this.verifier = verifier;
  }
  codeVerifier() {
    return this.verifier;
  }
}

/** A person who may authorize for the lab org, signed in on `page`. */
async function signedInLabOwner(page: Page) {
  await page.goto("/");
  if (await page.getByRole("heading", { name: "Set up Gatehouse" }).isVisible()) {
    await page.getByLabel("Your name (optional)").fill(person.name);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(person.password);
    await page.getByLabel("Organization name").fill(lab.name);
    await expect(page.getByLabel("Organization slug")).toHaveValue(lab.slug);
    await page.getByRole("button", { name: "Create account and organization" }).click();
  } else {
    // The portal suite ran first: its owner creates the lab org.
    await page.goto("/signin");
    await signIn(page, owner);
    await expect(page).not.toHaveURL(/\/signin/);
    await page.goto("/orgs/new");
    await page.getByLabel("Organization name").fill(lab.name);
    await expect(page.getByLabel("Organization slug")).toHaveValue(lab.slug);
    await page.getByRole("button", { name: "Create organization" }).click();
  }
  await expect(page).toHaveURL(`/orgs/${lab.slug}`);
}

test("the official MCP SDK client discovers, registers, authorizes, calls tools and steps up, given only the gateway URL", async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  await signedInLabOwner(page);
  const callback = await startCallbackServer();
  const gatewayUrl = new URL(`${baseURL}/mcp/${lab.slug}/demo`);
  const provider = new TestProvider(callback.redirectUrl);
  const seen: { method: string; url: string; status: number; challenge: string | null }[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    seen.push({ method: init?.method ?? "GET", url: String(input), status: response.status, challenge: response.headers.get("www-authenticate") });
    return response;
  };
  const connect = async () => {
    const transport = new StreamableHTTPClientTransport(gatewayUrl, { authProvider: provider, fetch: recordingFetch });
    const client = new Client({ name: "gatehouse-e2e", version: "1.0.0" });
    await client.connect(transport);
    return { client, transport };
  };
  /** The person approves on the consent screen; returns the code the redirect carried. */
  const approve = async (url: URL, scopes: string[]) => {
    const response = callback.nextResponse();
    await page.goto(url.toString());
    await expect(page).toHaveURL(new RegExp(`/orgs/${lab.slug}/consent\\?`));
    await expect(page.getByTestId("consent-scopes").locator("code")).toHaveText(scopes);
    await page.getByRole("button", { name: "Allow access" }).click();
    const redirect = await response;
    expect(redirect.searchParams.get("iss")).toBe(`${baseURL}/orgs/${lab.slug}`);
    return redirect.searchParams.get("code")!;
  };

  try {
    // 1. No token: the 401 challenge starts discovery (RFC 9728), registration (RFC 7591) and authorization.
    const first = new StreamableHTTPClientTransport(gatewayUrl, { authProvider: provider, fetch: recordingFetch });
    await expect(new Client({ name: "gatehouse-e2e", version: "1.0.0" }).connect(first)).rejects.toThrow(UnauthorizedError);
    expect(seen[0]).toMatchObject({ method: "POST", status: 401, challenge: `Bearer resource_metadata="${baseURL}/.well-known/oauth-protected-resource/mcp/${lab.slug}/demo", scope="mcp:tools"` });
    expect(provider.information?.client_id).toMatch(/^gh_/);
    const authorization = provider.authorizationUrls[0]!;
    expect(`${authorization.origin}${authorization.pathname}`).toBe(`${baseURL}/orgs/${lab.slug}/api/v1/oauth/authorize`);
    expect(Object.fromEntries(authorization.searchParams)).toMatchObject({ resource: gatewayUrl.toString(), scope: "mcp:tools", code_challenge_method: "S256", response_type: "code" });

    await first.finishAuth(await approve(authorization, ["mcp:tools"]));
    expect(provider.stored?.scope).toBe("mcp:tools");

    // 2. Authorized: list tools (only those the token may call) and call one.
    const { client } = await connect();
    expect((await client.listTools()).tools.map((t) => t.name).sort()).toEqual(["echo", "whoami"]);
    const whoami = await client.callTool({ name: "whoami" });
    expect(JSON.parse((whoami.content as { text: string }[])[0]!.text)).toMatchObject({ clientId: provider.information!.client_id, scopes: ["mcp:tools"] });

    // 3. A tool that needs mcp:admin: 403 insufficient_scope, and the SDK asks for a new authorization.
    await expect(client.callTool({ name: "admin_report" })).rejects.toThrow(UnauthorizedError);
    expect(seen.find((r) => r.status === 403)?.challenge).toBe(
      `Bearer resource_metadata="${baseURL}/.well-known/oauth-protected-resource/mcp/${lab.slug}/demo", scope="mcp:admin", error="insufficient_scope", error_description="tools/call of 'admin_report' needs the scope mcp:admin; the access token has mcp:tools"`,
    );
    const stepUp = provider.authorizationUrls[1]!;
    expect(stepUp.searchParams.get("scope")).toBe("mcp:tools mcp:admin");

    // 4. Step-up: the person approves the wider scope; the same tool call then succeeds.
    const again = new StreamableHTTPClientTransport(gatewayUrl, { authProvider: provider, fetch: recordingFetch });
    await again.finishAuth(await approve(stepUp, ["mcp:tools", "mcp:admin"]));
    expect(provider.stored?.scope).toBe("mcp:tools mcp:admin");
    const { client: stepped } = await connect();
    const report = await stepped.callTool({ name: "admin_report" });
    expect((report.content as { text: string }[])[0]!.text).toContain(`Admin report for ${lab.name} / Demo MCP server`);
    expect((await stepped.listTools()).tools.map((t) => t.name).sort()).toEqual(["admin_report", "echo", "whoami"]);
    await stepped.close();
    await client.close();
  } finally {
    await callback.close();
  }
});
