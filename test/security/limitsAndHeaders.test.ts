import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { createRequestListener } from "@/lib/server/http/createRequestListener";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { postForm, registerClient, setUpWorld } from "./securityFixtures";

// Size limits (request body, URL, headers, parameters) and the security headers of the protocol
// endpoints. Pages are checked in e2e/security-headers.spec.ts against the real build.
const world = setUpWorld();

function raw(path: string, headers: Record<string, string> = {}, origin = world.server.origin): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(new URL(path, origin), { method: "GET", headers }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("request size limits", () => {
  it("a token request body over 64 KiB: 413", async () => {
    const response = await postForm(world.endpoint("token"), { grant_type: "refresh_token", refresh_token: "x".repeat(70_000) });
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ error: "invalid_request", error_description: "The request body exceeds 65536 bytes" });
  });

  it("a request URL over 8 KiB: 414", async () => {
    const response = await raw(`/orgs/${world.org.slug}/api/v1/oauth/jwks?pad=${"x".repeat(9000)}`);
    expect(response.status).toBe(414);
    expect(JSON.parse(response.body)).toEqual({ error: "invalid_request", error_description: "The request URL exceeds 8192 characters" });
  });

  it("request headers over 16 KiB: 431 from Node, before any endpoint runs", async () => {
    const response = await raw(`/orgs/${world.org.slug}/api/v1/oauth/jwks`, { "x-padding": "x".repeat(20_000) });
    expect(response.status).toBe(431);
  });

  it.each([
    ["a parameter over 4096 characters", () => ({ grant_type: "refresh_token", client_id: "c", refresh_token: "r".repeat(4097) }), 'parameter "refresh_token" is longer than 4096 characters'],
    ["more than 50 parameters", () => Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`p${i}`, "v"])), "the request has more than 50 parameters"],
    ["a repeated parameter", () => "grant_type=refresh_token&client_id=a&client_id=b", 'parameter "client_id" is included more than once'],
  ])("the token endpoint refuses %s", async (_name, body, description) => {
    const response = await postForm(world.endpoint("token"), body());
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_request", error_description: description });
  });

  it.each([
    ["a state over 4096 characters", { state: "s".repeat(4097) }, 'parameter "state" is longer than 4096 characters'],
    ["a scope over 4096 characters", { scope: "mcp:tools ".repeat(410) }, 'parameter "scope" is longer than 4096 characters'],
  ])("the authorization endpoint refuses %s with an error page", async (_name, extra, description) => {
    const client = await registerClient(world);
    const runtime = await getOAuthRuntime();
    const query = new URLSearchParams({ response_type: "code", client_id: client.client_id, code_challenge: "a".repeat(43), code_challenge_method: "S256", ...extra });
    const step = await prepareAuthorization(runtime, world.org.slug, query, { ...world.owner, name: null });
    expect(step.kind === "error-page" && step.error.toResponseBody()).toEqual({ error: "invalid_request", error_description: description });
  });

  it("a scope repeating a granted scope many times collapses to one scope", async () => {
    const client = await registerClient(world);
    const runtime = await getOAuthRuntime();
    const query = new URLSearchParams({ response_type: "code", client_id: client.client_id, code_challenge: "a".repeat(43), code_challenge_method: "S256", scope: "mcp:tools ".repeat(400) });
    const step = await prepareAuthorization(runtime, world.org.slug, query, { ...world.owner, name: null });
    expect(step.kind === "ready" && step.request.scopes).toEqual(["mcp:tools"]);
  });
});

describe("control characters never reach the database", () => {
  // PostgreSQL refuses a NUL in text: before the fix, each of these was a 500 (found by fuzzing).
  it.each([
    ["a NUL in client_id at the token endpoint", () => postForm(world.endpoint("token"), { grant_type: "refresh_token", client_id: "gh_\u0000x", refresh_token: "r" }), 400, { error: "invalid_request", error_description: 'parameter "client_id" contains control characters' }],
    ["a NUL in client_id at the revocation endpoint", () => postForm(world.endpoint("revoke"), { client_id: "\u0000", token: "t" }), 400, { error: "invalid_request", error_description: 'parameter "client_id" contains control characters' }],
    ["a NUL in the Basic client id", () => postForm(world.endpoint("introspect"), { token: "t" }, { authorization: `Basic ${Buffer.from("gh_\u0000:secret").toString("base64")}` }), 401, { error: "invalid_client", error_description: "the Basic authorization header is malformed" }],
    ["a NUL in the client id of a registration URL", () => fetch(`${world.endpoint("register")}/gh_%00x`, { headers: { authorization: "Bearer token" } }).then(async (r) => ({ status: r.status, body: await r.json() })), 401, { error: "invalid_token", error_description: "The registration access token is not valid for this client" }],
    ["a NUL in a registered logo_uri", () => fetch(world.endpoint("register"), { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ redirect_uris: ["https://app.example/cb"], logo_uri: "https://app.example/\u0000.png" }) }).then(async (r) => ({ status: r.status, body: await r.json() })), 400, { error: "invalid_client_metadata", error_description: 'logo_uri "https://app.example/?.png" must be an absolute https URL' }],
  ])("%s", async (_name, call, status, body) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.body).toEqual(body);
  });

  it("a NUL in client_id at the authorization endpoint gets an error page, not an exception", async () => {
    const runtime = await getOAuthRuntime();
    const step = await prepareAuthorization(runtime, world.org.slug, new URLSearchParams({ response_type: "code", client_id: "gh_\u0000" }), { ...world.owner, name: null });
    expect(step.kind === "error-page" && step.error.toResponseBody()).toEqual({ error: "invalid_request", error_description: 'parameter "client_id" contains control characters' });
  });
});

describe("protocol response headers", () => {
  it.each([
    ["a JSON success", () => raw(`/orgs/${world.org.slug}/api/v1/oauth/jwks`)],
    ["an error", () => raw(`/orgs/no-such-org/api/v1/oauth/jwks`)],
    ["a refusal before any endpoint (414)", () => raw(`/orgs/${world.org.slug}/api/v1/oauth/jwks?${"x".repeat(9000)}`)],
  ])("%s is never MIME-sniffed", async (_name, call) => {
    expect((await call()).headers["x-content-type-options"]).toBe("nosniff");
  });

  it("token errors are no-store and readable cross-origin with their challenge headers", async () => {
    const response = await postForm(world.endpoint("token"), { grant_type: "client_credentials", client_id: "gh_nobody" });
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(response.headers.get("pragma")).toBe("no-cache");
    expect(response.headers.get("access-control-expose-headers")).toBe("WWW-Authenticate, Mcp-Session-Id, Retry-After");
  });

  it("pages get a Content-Security-Policy with a fresh nonce, shown to Next on the request; a route's own policy wins", async () => {
    const seenByNext: string[] = [];
    const server = createServer(
      createRequestListener("http://localhost:3000", async (req, res) => {
        seenByNext.push(String(req.headers["content-security-policy"]));
        if (req.url === "/own-policy") res.setHeader("content-security-policy", "default-src 'none'");
        res.writeHead(200, { "content-type": "text/html" }).end("<p>page</p>");
      }),
    );
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const first = (await raw("/signin", {}, origin)).headers["content-security-policy"] as string;
      const second = (await raw("/signin", { "content-security-policy": "script-src *" }, origin)).headers["content-security-policy"] as string;
      expect(first).toMatch(/^default-src 'self'; script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'; .*object-src 'none'; base-uri 'none'; frame-ancestors 'none'$/);
      expect(first).not.toBe(second);
      // What Next reads the nonce from is the front door's policy, never one the client sent.
      expect(seenByNext).toEqual([first, second]);
      expect((await raw("/own-policy", {}, origin)).headers["content-security-policy"]).toBe("default-src 'none'");
      expect((await raw(`/orgs/${world.org.slug}/api/v1/oauth/jwks`, {}, origin)).headers["content-security-policy"]).toBeUndefined();
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it.each([
    ["https", "https://auth.example.test", "max-age=31536000"],
    ["http", "http://localhost:3000", undefined],
  ])("HSTS over %s: %s", async (_scheme, publicUrl, expected) => {
    // The front door as server.ts builds it, for a PUBLIC_URL on that scheme; pages go to `fallback`.
    const server = createServer(createRequestListener(publicUrl, async (_req, res) => void res.writeHead(200, { "content-type": "text/html" }).end("<p>page</p>")));
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      expect((await raw(`/orgs/${world.org.slug}/api/v1/oauth/jwks`, {}, origin)).headers["strict-transport-security"]).toBe(expected);
      expect((await raw("/signin", {}, origin)).headers["strict-transport-security"]).toBe(expected);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
