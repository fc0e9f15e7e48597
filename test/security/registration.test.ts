import { request } from "node:http";
import { beforeEach, describe, expect, it } from "vitest";
import { RATE_LIMIT_RULES } from "@/lib/server/ratelimit/rateLimitRules";
import { postJson, setUpWorld } from "./securityFixtures";

// Attacks through open dynamic registration (RFC 7591 §5, RFC 9700 §4.1 and §4.11): redirect
// URIs that would turn the authorization endpoint into an open redirector or a script launcher,
// metadata meant to exhaust the server, and registration floods.
const world = setUpWorld();
beforeEach(() => world.server.db.prisma.rateLimitBucket.deleteMany());
const base = { client_name: "x", token_endpoint_auth_method: "none" };
const register = (metadata: Record<string, unknown>, headers: Record<string, string> = {}) => postJson(world.endpoint("register"), { ...base, ...metadata }, headers);

describe("registration attacks", () => {
  it.each([
    ["javascript: in upper case", "JAVASCRIPT:alert(1)", 'uses the scheme "javascript", which is not allowed'],
    ["vbscript:", "vbscript:msgbox(1)", 'uses the scheme "vbscript", which is not allowed'],
    ["file:", "file:///etc/passwd", 'uses the scheme "file", which is not allowed'],
    ["blob:", "blob:https://app.example/uuid", 'uses the scheme "blob", which is not allowed'],
    ["http on a host that merely starts with localhost", "http://localhost.evil.example/cb", "uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https"],
    ["http on a private address", "http://192.168.1.10/cb", "uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https"],
    ["userinfo: https://good@evil", "https://app.example@evil.example/cb", "must not include user information"],
    ["an empty userinfo", "https://@evil.example/cb", "must not include user information"],
    ["a backslash", "https://app.example\\@evil.example/cb", "contains whitespace, control characters or a backslash"],
    ["a tab inside", "https://app.example/c\tb", "contains whitespace, control characters or a backslash"],
    ["a fragment", "https://app.example/cb#", "must not include a fragment"],
    ["a relative URI", "/callback", "is not an absolute URI"],
    ["https without a host", "https:///cb", "must name a host"],
  ])("refuses a redirect URI with %s", async (_name, uri, problem) => {
    const response = await register({ redirect_uris: [uri] });
    expect(response.status).toBe(400);
    const shown = uri.replace(/[^\x20-\x7e]/g, "?");
    const description = `redirect_uris[0] "${shown}" ${problem}`;
    expect(response.body).toEqual({ error: "invalid_redirect_uri", error_description: description });
  });

  it.each([
    ["a javascript: logo_uri", { logo_uri: "javascript:alert(1)" }, 'logo_uri "javascript:alert(1)" must be an absolute https URL'],
    ["an http client_uri", { client_uri: "http://app.example" }, 'client_uri "http://app.example" must be an absolute https URL'],
    ["a client_name with control characters", { client_name: "Safe\u0000App" }, "client_name contains control characters"],
    ["a 201-character client_name", { client_name: "x".repeat(201) }, "client_name is longer than 200 characters"],
    ["a 1001-character scope", { scope: "s".repeat(1001) }, "scope is longer than 1000 characters"],
    ["11 contacts", { contacts: Array.from({ length: 11 }, (_, i) => `c${i}@example.com`) }, "contacts has more than 10 entries"],
  ])("refuses metadata with %s", async (_name, metadata, description) => {
    const response = await register({ redirect_uris: ["https://app.example/cb"], ...metadata });
    expect(response.body).toEqual({ error: "invalid_client_metadata", error_description: description });
  });

  it("a spoofed X-Forwarded-For does not put a false address in the audit log", async () => {
    const response = await register({ redirect_uris: ["https://app.example/cb"] }, { "x-forwarded-for": "203.0.113.66", "x-real-ip": "203.0.113.67", "x-gatehouse-client-ip": "203.0.113.68" });
    expect(response.status).toBe(201);
    const event = await world.server.db.prisma.auditEvent.findFirstOrThrow({ where: { kind: "client.registered", clientId: response.body.client_id } });
    expect(event.ip).toBe("127.0.0.1");
  });

  it("refuses more than 20 redirect URIs", async () => {
    const response = await register({ redirect_uris: Array.from({ length: 21 }, (_, i) => `https://app.example/cb${i}`) });
    expect(response.body).toEqual({ error: "invalid_redirect_uri", error_description: "redirect_uris has more than 20 entries" });
  });

  it("refuses a redirect URI over 2000 characters", async () => {
    const response = await register({ redirect_uris: [`https://app.example/${"a".repeat(2000)}`] });
    expect(response.body).toEqual({ error: "invalid_redirect_uri", error_description: "redirect_uris[0] is longer than 2000 characters" });
  });

  it("refuses oversized metadata streamed without a Content-Length with 413, before reading it all", async () => {
    const url = new URL(world.endpoint("register"));
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(url, { method: "POST", headers: { "content-type": "application/json", "transfer-encoding": "chunked" } }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      });
      req.on("error", reject);
      req.write(`{"client_name":"${"x".repeat(40_000)}`);
      req.write("y".repeat(40_000));
      req.end('"}');
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "invalid_request", error_description: "The request body exceeds 65536 bytes" });
  });

  it("refuses a declared body over 1 MiB at the front door with 413", async () => {
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = request(new URL(world.endpoint("register")), { method: "POST", headers: { "content-type": "application/json", "content-length": String(2 * 1024 * 1024) } }, (res) => {
        let body = "";
        res.on("data", (chunk) => (body += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, body }));
      });
      req.on("error", reject);
      req.write("{");
    });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toEqual({ error: "invalid_request", error_description: "The request body exceeds 1048576 bytes" });
  });
});

describe("registration floods are rate limited per address", () => {
  const limit = RATE_LIMIT_RULES.registrationPerAddress.limit;
  const valid = { redirect_uris: ["https://app.example/cb"] };

  it("429 with Retry-After after the limit, counting refused registrations too, whatever the address headers say", async () => {
    const before = await world.server.db.prisma.client.count();
    for (let i = 0; i < limit; i++) {
      const metadata = i % 2 === 0 ? valid : { redirect_uris: ["javascript:x"] };
      const response = await register(metadata, { "x-forwarded-for": `198.51.100.${i}`, "x-gatehouse-client-ip": `203.0.113.${i}` });
      expect(response.status).toBe(i % 2 === 0 ? 201 : 400);
    }
    const blocked = await register(valid, { "x-gatehouse-client-ip": "192.0.2.99" });
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_RULES.registrationPerAddress.windowSec);
    expect(blocked.body).toEqual({ error: "temporarily_unavailable", error_description: `Too many client registrations from this address; retry after ${retryAfter} seconds` });
    expect(await world.server.db.prisma.client.count()).toBe(before + limit / 2);
  });

  it("registers again once the window has passed", async () => {
    for (let i = 0; i <= limit; i++) await register(valid);
    expect((await register(valid)).status).toBe(429);
    await world.server.db.prisma.rateLimitBucket.updateMany({ data: { windowStart: new Date(Date.now() - RATE_LIMIT_RULES.registrationPerAddress.windowSec * 1000 - 1000) } });
    expect((await register(valid)).status).toBe(201);
  });
});
