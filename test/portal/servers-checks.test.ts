import { describe, expect, it } from "vitest";
import { formatToolMap, parseToolMap } from "@/app/(portal)/orgs/[org]/servers/[server]/toolMapText";
import { parseWwwAuthenticate } from "@/lib/mcp/challenge/parseWwwAuthenticate";
import { authorizationServerMetadataUrlOf, type ChallengeObservation, runChallengeChecks } from "@/lib/server/testers/challengeChecks";
import { refuseUnsafeUrl } from "@/lib/server/testers/runChallengeTest";

const RESOURCE = "https://gh.example.com/mcp/acme/demo";
const ISSUER = "https://gh.example.com/orgs/acme";
const METADATA_URL = "https://gh.example.com/.well-known/oauth-protected-resource/mcp/acme/demo";

/** What Gatehouse's gateway answers: every check passes. */
const good = (): ChallengeObservation => ({
  resourceUrl: RESOURCE,
  status: 401,
  headers: { "www-authenticate": `Bearer resource_metadata="${METADATA_URL}", scope="mcp:tools"`, "access-control-expose-headers": "WWW-Authenticate, Mcp-Session-Id" },
  challenge: parseWwwAuthenticate(`Bearer resource_metadata="${METADATA_URL}", scope="mcp:tools"`),
  resourceMetadata: { resource: RESOURCE, authorization_servers: [ISSUER] },
  authorizationServerMetadata: { issuer: ISSUER, code_challenge_methods_supported: ["S256"], registration_endpoint: `${ISSUER}/api/v1/oauth/register` },
});

describe("parseWwwAuthenticate", () => {
  it.each([
    [`Bearer resource_metadata="https://x/y", scope="a b"`, { scheme: "Bearer", params: { resource_metadata: "https://x/y", scope: "a b" } }],
    [`Bearer error="invalid_token",error_description="say \\"hi\\""`, { scheme: "Bearer", params: { error: "invalid_token", error_description: 'say "hi"' } }],
    [`Bearer realm=example`, { scheme: "Bearer", params: { realm: "example" } }],
    [`Bearer`, { scheme: "Bearer", params: {} }],
    [`Basic Realm="x"`, { scheme: "Basic", params: { realm: "x" } }],
  ])("%s", (header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });

  it.each([null, undefined, "", "   "])("no challenge in %j", (header) => {
    expect(parseWwwAuthenticate(header)).toBeNull();
  });
});

describe("authorizationServerMetadataUrlOf", () => {
  it.each([
    ["https://gh.example.com/orgs/acme", "https://gh.example.com/.well-known/oauth-authorization-server/orgs/acme"],
    ["https://as.example.com", "https://as.example.com/.well-known/oauth-authorization-server"],
    ["https://as.example.com/", "https://as.example.com/.well-known/oauth-authorization-server"],
    ["not a url", null],
  ])("%s -> %s", (issuer, expected) => {
    expect(authorizationServerMetadataUrlOf(issuer)).toBe(expected);
  });
});

describe("runChallengeChecks", () => {
  it("every check passes for a compliant resource", () => {
    const checks = runChallengeChecks(good());
    expect(checks.map((c) => c.id)).toEqual(["status", "bearer", "resource_metadata", "metadata_resource", "authorization_servers", "issuer", "s256", "registration", "expose_headers"]);
    expect(checks.filter((c) => !c.passed)).toEqual([]);
    for (const check of checks) expect(check.explanation).toMatch(/\S/);
  });

  it.each<[string, string, (o: ChallengeObservation) => void]>([
    ["status", "a 200 answer", (o) => void (o.status = 200)],
    ["status", "a 403 answer", (o) => void (o.status = 403)],
    ["bearer", "a Basic challenge", (o) => void (o.challenge = parseWwwAuthenticate(`Basic realm="x"`))],
    ["bearer", "no challenge", (o) => void (o.challenge = null)],
    ["resource_metadata", "no resource_metadata", (o) => void (o.challenge = parseWwwAuthenticate(`Bearer scope="mcp:tools"`))],
    ["resource_metadata", "a relative resource_metadata", (o) => void (o.challenge = parseWwwAuthenticate(`Bearer resource_metadata="/.well-known/oauth-protected-resource"`))],
    ["metadata_resource", "metadata for another resource", (o) => void (o.resourceMetadata = { ...o.resourceMetadata, resource: "https://other.example.com/mcp" })],
    ["metadata_resource", "no metadata", (o) => void (o.resourceMetadata = null)],
    ["authorization_servers", "an empty list", (o) => void (o.resourceMetadata = { ...o.resourceMetadata, authorization_servers: [] })],
    ["authorization_servers", "no list", (o) => void (o.resourceMetadata = { resource: RESOURCE })],
    ["issuer", "another issuer", (o) => void (o.authorizationServerMetadata = { ...o.authorizationServerMetadata, issuer: `${ISSUER}/` })],
    ["issuer", "no AS metadata", (o) => void (o.authorizationServerMetadata = null)],
    ["s256", "plain only", (o) => void (o.authorizationServerMetadata = { ...o.authorizationServerMetadata, code_challenge_methods_supported: ["plain"] })],
    ["s256", "no PKCE methods", (o) => void (o.authorizationServerMetadata = { issuer: ISSUER, registration_endpoint: "x" })],
    ["registration", "neither DCR nor CIMD", (o) => void (o.authorizationServerMetadata = { issuer: ISSUER, code_challenge_methods_supported: ["S256"] })],
    ["expose_headers", "no Access-Control-Expose-Headers", (o) => void delete o.headers["access-control-expose-headers"]],
    ["expose_headers", "other headers exposed", (o) => void (o.headers["access-control-expose-headers"] = "Mcp-Session-Id")],
  ])("%s fails with %s, and only it", (id, _case, spoil) => {
    const observation = good();
    spoil(observation);
    const failed = runChallengeChecks(observation).filter((c) => !c.passed).map((c) => c.id);
    expect(failed).toContain(id);
    if (!["no challenge", "no metadata", "no AS metadata", "an empty list", "no list", "a Basic challenge"].includes(_case)) expect(failed).toEqual([id]);
  });

  it.each<[string, (o: ChallengeObservation) => void]>([
    ["CIMD instead of DCR", (o) => void (o.authorizationServerMetadata = { issuer: ISSUER, code_challenge_methods_supported: ["S256"], client_id_metadata_document_supported: true })],
    ["a wildcard expose header", (o) => void (o.headers["access-control-expose-headers"] = "*")],
    ["a lower-case bearer scheme", (o) => void (o.challenge = parseWwwAuthenticate(`bearer resource_metadata="${METADATA_URL}"`))],
  ])("still passes with %s", (_case, change) => {
    const observation = good();
    change(observation);
    expect(runChallengeChecks(observation).filter((c) => !c.passed)).toEqual([]);
  });
});

describe("refuseUnsafeUrl (the SSRF rule)", () => {
  const OWN = "http://localhost:3210";
  const resolve = async (host: string) => ({ "public.example.com": ["93.184.215.14"], "internal.example.com": ["10.0.0.5"], "mixed.example.com": ["93.184.215.14", "127.0.0.1"] })[host] ?? [];
  it.each([
    ["http://localhost:3210/mcp/acme/demo", null],
    ["https://public.example.com/mcp", null],
    ["https://93.184.215.14/mcp", null],
    ["https://internal.example.com/mcp", /private, loopback or reserved/],
    ["https://mixed.example.com/mcp", /private, loopback or reserved/],
    ["https://127.0.0.1/mcp", /private, loopback or reserved/],
    ["https://[::1]/mcp", /private, loopback or reserved/],
    ["https://169.254.169.254/latest", /private, loopback or reserved/],
    ["http://localhost:3211/mcp", /https only/],
    ["http://public.example.com/mcp", /https only/],
    ["file:///etc/passwd", /Only http and https/],
    ["not a url", /Not a URL/],
    ["https://unknown.example.com/mcp", /private, loopback or reserved/],
  ])("%s", async (url, expected) => {
    const refusal = await refuseUnsafeUrl(url, OWN, resolve);
    if (expected === null) expect(refusal).toBeNull();
    else expect(refusal).toMatch(expected);
  });
});

describe("tool map text", () => {
  it.each([
    ["search: files:read\ndelete: files:read files:write", { search: ["files:read"], delete: ["files:read", "files:write"] }],
    ["  whoami:  \n\n echo: mcp:tools mcp:tools ", { whoami: [], echo: ["mcp:tools"] }],
    ["", {}],
  ])("parses %j", (text, map) => {
    expect(parseToolMap(text)).toEqual({ map });
    expect(parseToolMap(formatToolMap(map))).toEqual({ map });
  });

  it.each([
    ["no colon here", /Line 1/],
    [": mcp:tools", /Line 1/],
    ["a: x\na: y", /Line 2: the tool a is listed twice/],
  ])("refuses %j", (text, error) => {
    expect(parseToolMap(text)).toEqual({ error: expect.stringMatching(error) });
  });
});
