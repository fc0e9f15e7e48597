import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";
import { createAdminClient } from "@/lib/server/clients/createAdminClient";
import { RATE_LIMIT_RULES } from "@/lib/server/ratelimit/rateLimitRules";
import { basic, postForm, registerClient, setUpWorld } from "./securityFixtures";

// Client authentication attacks (RFC 6749 §2.3 and §10.10, OAuth 2.1 §2.4, RFC 9700 §4.x) at the
// token, introspection and revocation endpoints.
const world = setUpWorld();
let confidential: { clientId: string; clientSecret: string };
const CHALLENGE = () => `Basic realm="${world.issuer}", charset="UTF-8"`;
const refusal = (description: string) => ({ error: "invalid_client", error_description: `client authentication failed: ${description}` });

beforeAll(async () => {
  confidential = await createAdminClient(world.server.db.prisma, { orgId: world.org.orgId, name: "Service", grantTypes: ["client_credentials"], scope: "mcp:tools", canIntrospect: true, actor: { type: "system", label: "test" } });
});
// Every test starts with empty rate-limit counters.
beforeEach(() => world.server.db.prisma.rateLimitBucket.deleteMany());

const token = (fields: Record<string, string>, headers: Record<string, string> = {}) => postForm(world.endpoint("token"), { grant_type: "client_credentials", ...fields }, headers);

describe("client authentication attacks", () => {
  it("a public client using a confidential client's id (client_id alone)", async () => {
    const response = await token({ client_id: confidential.clientId });
    expect(response.status).toBe(401);
    expect(response.body).toEqual(refusal("this client must authenticate with client_secret_basic"));
  });

  it.each([
    ["a wrong secret", () => "wrong"],
    ["the secret minus its last character", () => confidential.clientSecret.slice(0, -1)],
    ["the secret plus a character", () => `${confidential.clientSecret}A`],
    ["the secret in another case", () => confidential.clientSecret.toUpperCase() === confidential.clientSecret ? confidential.clientSecret.toLowerCase() : confidential.clientSecret.toUpperCase()],
    ["the secret's hash", () => sha256SecretHasher.hashForLookup(confidential.clientSecret)],
    ["an empty secret", () => ""],
  ])("%s over Basic: 401 with a Basic challenge", async (_name, secret) => {
    const response = await token({}, basic(confidential.clientId, secret()));
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe(CHALLENGE());
    expect(response.body).toEqual(refusal("wrong client secret"));
  });

  it("another client's valid secret", async () => {
    const other = await registerClient(world, { token_endpoint_auth_method: "client_secret_basic" });
    const response = await token({}, basic(confidential.clientId, other.client_secret!));
    expect(response.body).toEqual(refusal("wrong client secret"));
  });

  it.each([
    ["the secret in the body for a Basic client", () => ({ fields: { client_id: confidential.clientId, client_secret: confidential.clientSecret }, headers: {} }), 401, refusal("this client must authenticate with client_secret_basic")],
    ["a secret sent by a public client", () => ({ fields: { client_id: "__public__", client_secret: "anything" }, headers: {} }), 401, refusal("this client is public and must not send a client secret")],
    ["Basic and client_secret together", () => ({ fields: { client_secret: confidential.clientSecret }, headers: basic(confidential.clientId, confidential.clientSecret) }), 400, { error: "invalid_request", error_description: "client authentication must use one method: both Basic credentials and client_secret were sent" }],
    ["Basic for one client and client_id of another", () => ({ fields: { client_id: "gh_other" }, headers: basic(confidential.clientId, confidential.clientSecret) }), 400, { error: "invalid_request", error_description: "client_id in the body differs from the client_id in the Basic credentials" }],
    ["a malformed Basic header", () => ({ fields: {}, headers: { authorization: "Basic !!notbase64!!" } }), 401, { error: "invalid_client", error_description: "the Basic authorization header is malformed" }],
    ["a Basic header without a colon", () => ({ fields: {}, headers: { authorization: `Basic ${Buffer.from("justanid").toString("base64")}` } }), 401, { error: "invalid_client", error_description: "the Basic authorization header is malformed" }],
    ["an unknown client", () => ({ fields: {}, headers: basic("gh_nobody", "secret") }), 401, refusal("unknown client")],
  ])("%s", async (_name, make, status, body) => {
    const publicClient = await registerClient(world);
    const { fields, headers } = make() as { fields: Record<string, string>; headers: Record<string, string> };
    if (fields.client_id === "__public__") fields.client_id = publicClient.client_id;
    const response = await token(fields as Record<string, string>, headers);
    expect(response.status).toBe(status);
    expect(response.body).toEqual(body);
  });

  it("a disabled client with its right secret", async () => {
    const service = await createAdminClient(world.server.db.prisma, { orgId: world.org.orgId, name: "Disabled", grantTypes: ["client_credentials"], actor: { type: "system", label: "test" } });
    await world.server.db.prisma.client.updateMany({ where: { clientId: service.clientId }, data: { disabledAt: new Date() } });
    await world.server.db.changes.caughtUp();
    expect((await token({}, basic(service.clientId, service.clientSecret))).body).toEqual(refusal("this client has been disabled"));
  });
});

describe("brute force on a client secret is met by rate limiting", () => {
  const limit = RATE_LIMIT_RULES.clientAuthPerClient.limit;
  const endpoints = [
    ["token", { grant_type: "client_credentials" }],
    ["introspect", { token: "x" }],
    ["revoke", { token: "x" }],
  ] as const;

  it.each(endpoints)("at the %s endpoint: 429 with Retry-After after the limit, even for the right secret", async (name, fields) => {
    const call = (secret: string, extra: Record<string, string> = {}) => postForm(world.endpoint(name), fields, { ...basic(confidential.clientId, secret), ...extra });
    for (let i = 0; i < limit; i++) expect((await call(`guess-${i}`)).status).toBe(401);
    const blocked = await call(confidential.clientSecret);
    expect(blocked.status).toBe(429);
    const retryAfter = Number(blocked.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(RATE_LIMIT_RULES.clientAuthPerClient.windowSec);
    expect(blocked.headers.get("cache-control")).toBe("no-store");
    expect(blocked.headers.get("access-control-expose-headers")).toContain("Retry-After");
    expect(blocked.body).toEqual({ error: "temporarily_unavailable", error_description: `Too many failed client authentication attempts; retry after ${retryAfter} seconds` });
  });

  it("spoofing the client address headers does not escape the limit", async () => {
    for (let i = 0; i < limit; i++) {
      await token({}, { ...basic(confidential.clientId, `guess-${i}`), "x-gatehouse-client-ip": `203.0.113.${i}`, "x-forwarded-for": `198.51.100.${i}` });
    }
    const blocked = await token({}, { ...basic(confidential.clientId, confidential.clientSecret), "x-gatehouse-client-ip": "192.0.2.1", "x-forwarded-for": "192.0.2.1" });
    expect(blocked.status).toBe(429);
  });

  it("the limit is per client: another client from the same address still authenticates", async () => {
    for (let i = 0; i < limit; i++) await token({}, basic(confidential.clientId, `guess-${i}`));
    const other = await createAdminClient(world.server.db.prisma, { orgId: world.org.orgId, name: "Other", grantTypes: ["client_credentials"], actor: { type: "system", label: "test" } });
    expect((await token({}, basic(other.clientId, other.clientSecret))).status).toBe(200);
  });

  it("the address limit stops a guesser spreading over many client ids", async () => {
    const perAddress = RATE_LIMIT_RULES.clientAuthPerAddress.limit;
    await Promise.all(Array.from({ length: perAddress }, (_, i) => token({}, basic(`gh_spray_${i}`, "guess"))));
    const blocked = await token({}, basic(confidential.clientId, confidential.clientSecret));
    expect(blocked.status).toBe(429);
  });

  it("a public client (no secret to guess) is not slowed by the failures of others", async () => {
    for (let i = 0; i < limit; i++) await token({}, basic(confidential.clientId, `guess-${i}`));
    const publicClient = await registerClient(world);
    const response = await postForm(world.endpoint("revoke"), { client_id: publicClient.client_id, token: "unknown" });
    expect(response.status).toBe(200);
  });

  it("once the window has passed, the right secret works again", async () => {
    for (let i = 0; i < limit; i++) await token({}, basic(confidential.clientId, `guess-${i}`));
    expect((await token({}, basic(confidential.clientId, confidential.clientSecret))).status).toBe(429);
    const windowMs = RATE_LIMIT_RULES.clientAuthPerClient.windowSec * 1000;
    await world.server.db.prisma.rateLimitBucket.updateMany({ data: { windowStart: new Date(Date.now() - windowMs - 1000) } });
    expect((await token({}, basic(confidential.clientId, confidential.clientSecret))).status).toBe(200);
  });
});
