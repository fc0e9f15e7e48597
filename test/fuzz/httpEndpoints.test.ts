import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createAdminClient } from "@/lib/server/clients/createAdminClient";
import { basic, LOOPBACK_REDIRECT, obtainCode, obtainTokens, registerClient, setUpWorld } from "../security/securityFixtures";
import { checkAnswer, damaged, damagedJson, FUZZ_SEED, hostileString, parameterValue, withoutRateLimits } from "./fuzzSupport";

// Property: whatever arrives at the registration, token, introspection and revocation endpoints,
// over real HTTP through the front door, the answer is a 2xx or a 4xx with an RFC error code,
// never a 5xx, never a hang (each request has 5 s). Requests start valid and are then damaged, so
// the fuzz reaches the operations and not only the first checks. Fixed seed: failures replay.
const world = setUpWorld();
withoutRateLimits();
const TIMEOUT = 5000;

type Login = { clientId: string; code: string; verifier: string; redirectUri: string; refreshToken: string; accessToken: string };
let logins: Login[] = [];
let service: { clientId: string; clientSecret: string };
let confidential: { client_id: string; client_secret?: string };
const pool = { clientIds: [] as string[], secrets: [] as string[], tokens: [] as string[], resources: [] as string[], redirects: [] as string[] };

beforeAll(async () => {
  service = await createAdminClient(world.server.db.prisma, { orgId: world.org.orgId, name: "svc", grantTypes: ["client_credentials"], scope: "mcp:tools", canIntrospect: true, actor: { type: "system", label: "fuzz" } });
  confidential = await registerClient(world, { token_endpoint_auth_method: "client_secret_post" });
  // Several clients, each its own grant: one replay revokes one grant, not the whole pool.
  logins = await Promise.all(
    Array.from({ length: 8 }, async () => {
      const client = await registerClient(world);
      const tokens = await obtainTokens(world, client.client_id);
      const issued = await obtainCode(world, client.client_id);
      return { clientId: client.client_id, code: issued.code, verifier: issued.verifier, redirectUri: issued.redirectUri, refreshToken: tokens.refresh_token, accessToken: tokens.access_token };
    }),
  );
  pool.clientIds = [...logins.map((l) => l.clientId), confidential.client_id, service.clientId, "gh_unknown"];
  pool.secrets = [confidential.client_secret!, service.clientSecret, "wrong"];
  pool.tokens = [...logins.flatMap((l) => [l.accessToken, l.refreshToken, l.code]), "a.b.c", "eyJhbGciOiJub25lIn0.e30."];
  pool.resources = [world.demo, `${world.issuer}/api/v1`, "https://elsewhere.example/mcp", "HTTP://127.0.0.1"];
  pool.redirects = [...logins.map((l) => l.redirectUri), LOOPBACK_REDIRECT, "https://evil.example/cb"];
}, 120_000);

/** What each endpoint answered, `{status} {error}`: checked below to show the fuzz got past the first checks. */
const seen = new Map<string, Set<string>>();
afterAll(() => console.log("fuzz answers:", JSON.stringify(Object.fromEntries([...seen].map(([k, v]) => [k, [...v].sort()])))));

async function send(path: string, request: { body: string; type: string; auth: string | undefined }) {
  const headers: Record<string, string> = {};
  if (request.type) headers["content-type"] = request.type;
  // What a header field can carry (RFC 9110 §5.5: visible characters, space, tab, obs-text); fetch refuses the rest.
  if (request.auth !== undefined) headers.authorization = request.auth.replace(/[^\t\x20-\x7e\x80-\xff]/g, "?").trim();
  const response = await fetch(world.endpoint(path as "token"), { method: "POST", headers, body: request.body, signal: AbortSignal.timeout(TIMEOUT) });
  const error = response.status >= 400 ? ((await response.clone().json().catch(() => ({}))) as { error?: string }).error : "";
  (seen.get(path) ?? seen.set(path, new Set()).get(path)!).add(`${response.status} ${error ?? ""}`.trim());
  return response;
}

const formType = fc.oneof(
  { weight: 12, arbitrary: fc.constant("application/x-www-form-urlencoded") },
  { weight: 1, arbitrary: fc.constantFrom("application/x-www-form-urlencoded; charset=utf-8", "APPLICATION/X-WWW-FORM-URLENCODED", "application/json", "text/plain", "") },
);
const rawBody = fc.oneof(fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString("latin1")), fc.jsonValue().map((v) => JSON.stringify(v)), hostileString);
const anyAuthorization = () =>
  fc.oneof(
    fc.constant(undefined),
    fc.tuple(parameterValue(pool.clientIds), parameterValue(pool.secrets)).map(([id, secret]) => basic(id, secret).authorization),
    hostileString.map((s) => `Basic ${Buffer.from(s).toString("base64")}`),
    fc.tuple(fc.constantFrom("Basic", "Bearer", "basic", "Digest", ""), hostileString).map(([scheme, s]) => `${scheme} ${s}`),
  );

/** One scenario: a valid form and its credentials, then damaged. */
function scenario(template: Record<string, string>, auth: string | undefined, alternatives: Record<string, fc.Arbitrary<string>>) {
  return fc.record({
    body: fc.oneof({ weight: 12, arbitrary: damaged(template, alternatives) }, { weight: 1, arbitrary: rawBody }),
    type: formType,
    auth: fc.oneof({ weight: 6, arbitrary: fc.constant(auth) }, { weight: 1, arbitrary: anyAuthorization() }),
  });
}

describe("fuzzing the protocol endpoints over HTTP", () => {
  it("token endpoint", async () => {
    const alternatives = {
      grant_type: parameterValue(["authorization_code", "refresh_token", "client_credentials", "password", "urn:ietf:params:oauth:grant-type:device_code"]),
      client_id: parameterValue(pool.clientIds),
      client_secret: parameterValue(pool.secrets),
      code: parameterValue(pool.tokens),
      code_verifier: parameterValue(logins.map((l) => l.verifier)),
      redirect_uri: parameterValue(pool.redirects),
      refresh_token: parameterValue(pool.tokens),
      resource: parameterValue(pool.resources),
      scope: parameterValue(["mcp:tools", "mcp:tools mcp:admin", "servers:read", "x\"y"]),
    };
    const login = fc.constantFrom(...logins);
    const request = fc.oneof(
      scenario({ grant_type: "client_credentials", resource: world.demo, scope: "mcp:tools" }, basic(service.clientId, service.clientSecret).authorization, alternatives),
      scenario({ grant_type: "client_credentials", client_id: confidential.client_id, client_secret: confidential.client_secret! }, undefined, alternatives),
      login.chain((l) => scenario({ grant_type: "authorization_code", client_id: l.clientId, code: l.code, code_verifier: l.verifier, redirect_uri: l.redirectUri, resource: world.demo }, undefined, alternatives)),
      login.chain((l) => scenario({ grant_type: "refresh_token", client_id: l.clientId, refresh_token: l.refreshToken, scope: "mcp:tools" }, undefined, alternatives)),
    );
    await fc.assert(
      fc.asyncProperty(request, async (r) => checkAnswer(await send("token", r), (b) => typeof (b as { access_token?: unknown })?.access_token === "string")),
      { seed: FUZZ_SEED, numRuns: 800 },
    );
    expect([...seen.get("token")!]).toEqual(expect.arrayContaining(["200", "400 invalid_grant", "400 invalid_scope", "400 invalid_target", "400 unauthorized_client", "401 invalid_client"]));
  }, 180_000);

  it.each([
    ["introspect", (b: unknown) => typeof (b as { active?: unknown })?.active === "boolean"],
    ["revoke", (b: unknown) => b === null],
  ])("%s endpoint", async (path, success) => {
    const alternatives = {
      token: parameterValue(pool.tokens),
      token_type_hint: parameterValue(["access_token", "refresh_token", "id_token"]),
      client_id: parameterValue(pool.clientIds),
      client_secret: parameterValue(pool.secrets),
    };
    const login = fc.constantFrom(...logins);
    const request = fc.oneof(
      login.chain((l) => scenario({ token: l.accessToken, token_type_hint: "access_token" }, basic(service.clientId, service.clientSecret).authorization, alternatives)),
      login.chain((l) => scenario({ token: l.refreshToken, client_id: l.clientId }, undefined, alternatives)),
    );
    await fc.assert(fc.asyncProperty(request, async (r) => checkAnswer(await send(path, r), success)), { seed: FUZZ_SEED, numRuns: 400 });
    expect([...seen.get(path)!]).toEqual(expect.arrayContaining(["200", "400 invalid_request", "401 invalid_client"]));
  }, 180_000);

  it("registration endpoint", async () => {
    const uri = parameterValue(["https://app.example/cb", "http://127.0.0.1/callback", "http://localhost:3000/cb", "cursor://anysphere.cursor-mcp/oauth/callback", "javascript:alert(1)", "https://a@b/c"]);
    const value = fc.oneof(fc.jsonValue({ maxDepth: 2 }), hostileString);
    const alternatives = {
      redirect_uris: fc.oneof({ weight: 3, arbitrary: fc.array(uri, { maxLength: 4 }) }, { weight: 1, arbitrary: value }),
      grant_types: fc.oneof(fc.subarray(["authorization_code", "refresh_token", "client_credentials", "implicit"]), value),
      response_types: fc.oneof(fc.subarray(["code", "token"]), value),
      token_endpoint_auth_method: fc.oneof(fc.constantFrom("none", "client_secret_basic", "client_secret_post", "private_key_jwt"), value),
      application_type: fc.oneof(fc.constantFrom("web", "native"), value),
      client_name: fc.oneof(hostileString, value),
      logo_uri: fc.oneof(uri, value),
      client_uri: fc.oneof(uri, value),
      scope: fc.oneof(fc.constantFrom("mcp:tools", "a b c", "bad\"scope"), value),
      contacts: fc.oneof(fc.array(hostileString, { maxLength: 12 }), value),
      software_statement: value,
    };
    const template = { client_name: "Fuzz client", redirect_uris: ["http://127.0.0.1/callback"], grant_types: ["authorization_code", "refresh_token"], token_endpoint_auth_method: "none", logo_uri: "https://app.example/logo.png", scope: "mcp:tools" };
    const request = fc.record({
      body: fc.oneof({ weight: 12, arbitrary: damagedJson(template, alternatives) }, { weight: 1, arbitrary: rawBody }),
      type: fc.oneof({ weight: 12, arbitrary: fc.constant("application/json") }, { weight: 1, arbitrary: fc.constantFrom("application/json; charset=utf-8", "text/json", "application/x-www-form-urlencoded", "") }),
      auth: fc.constant(undefined),
    });
    await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const response = await send("register", r);
        await checkAnswer(response, (b) => response.status === 201 && typeof (b as { client_id?: unknown })?.client_id === "string");
      }),
      { seed: FUZZ_SEED, numRuns: 500 },
    );
    expect([...seen.get("register")!]).toEqual(expect.arrayContaining(["201", "400 invalid_client_metadata", "400 invalid_redirect_uri"]));
  }, 180_000);
});
