import { describe, expect, it } from "vitest";
import { parseOAuthParameters } from "../http/parseOAuthParameters";
import { sha256SecretHasher } from "../runtime/sha256SecretHasher";
import { confidentialClient, ISSUER, ORG_ID, publicClient } from "../test/fixtures";
import { FixedClock, memoryClientStore } from "../test/memoryStores";
import { asyncRefusal } from "../test/refusal";
import { authenticateClient } from "./authenticateClient";

const SECRET = "s3cret: with+special/chars%";
const hash = sha256SecretHasher.hashForLookup(SECRET);
const now = new Date("2026-01-01T00:00:00Z");

const deps = {
  org: { orgId: ORG_ID, issuer: ISSUER },
  clients: memoryClientStore([
    publicClient(),
    confidentialClient({ secretHash: hash }),
    confidentialClient({ id: "row-post", clientId: "client-post", secretHash: hash, tokenEndpointAuthMethod: "client_secret_post" }),
    confidentialClient({ id: "row-exp", clientId: "client-expired", secretHash: hash, secretExpiresAt: now }),
    confidentialClient({ id: "row-off", clientId: "client-off", secretHash: hash, disabled: true }),
    confidentialClient({ id: "row-nohash", clientId: "client-nohash", secretHash: null }),
    confidentialClient({ id: "row-other-org", orgId: "org-2", clientId: "client-elsewhere", secretHash: hash }),
  ]),
  hasher: sha256SecretHasher,
  clock: new FixedClock(now),
};

/** RFC 6749 §2.3.1: form-urlencode each part, then base64 "id:secret". */
function basic(clientId: string, secret: string): string {
  const encode = (value: string) => new URLSearchParams({ v: value }).toString().slice(2);
  return `Basic ${Buffer.from(`${encode(clientId)}:${encode(secret)}`).toString("base64")}`;
}

function authenticate(form: Record<string, string>, authorization?: string) {
  return authenticateClient({ authorization, params: parseOAuthParameters(new URLSearchParams(form)) }, deps);
}

const CHALLENGE = `Basic realm="${ISSUER}", charset="UTF-8"`;

describe("authenticateClient", () => {
  it("authenticates client_secret_basic, decoding the form-urlencoded parts", async () => {
    const result = await authenticate({ grant_type: "client_credentials" }, basic("client-confidential", SECRET));
    expect(result.method).toBe("client_secret_basic");
    expect(result.client.clientId).toBe("client-confidential");
  });

  it("accepts a client_id in the body that repeats the Basic one", async () => {
    const result = await authenticate({ client_id: "client-confidential" }, basic("client-confidential", SECRET));
    expect(result.method).toBe("client_secret_basic");
  });

  it("authenticates client_secret_post", async () => {
    const result = await authenticate({ client_id: "client-post", client_secret: SECRET });
    expect(result).toMatchObject({ method: "client_secret_post", client: { clientId: "client-post" } });
  });

  it("identifies a public client by client_id alone", async () => {
    const result = await authenticate({ client_id: "client-public" });
    expect(result).toMatchObject({ method: "none", client: { clientId: "client-public" } });
  });

  it("ignores an Authorization header of another scheme", async () => {
    const result = await authenticate({ client_id: "client-public" }, "Bearer abc");
    expect(result.method).toBe("none");
  });

  it.each([
    ["no credentials at all", {}, undefined, "invalid_client", "client authentication is required: send client_id", 401, undefined],
    ["two methods", { client_secret: SECRET }, basic("client-confidential", SECRET), "invalid_request", "client authentication must use one method: both Basic credentials and client_secret were sent", 400, undefined],
    ["body client_id differs from Basic", { client_id: "client-public" }, basic("client-confidential", SECRET), "invalid_request", "client_id in the body differs from the client_id in the Basic credentials", 400, undefined],
    ["unknown client (Basic)", {}, basic("nobody", SECRET), "invalid_client", "client authentication failed: unknown client", 401, CHALLENGE],
    ["unknown client (none)", { client_id: "nobody" }, undefined, "invalid_client", "client authentication failed: unknown client", 401, undefined],
    ["client of another org", { client_id: "client-elsewhere", client_secret: SECRET }, undefined, "invalid_client", "client authentication failed: unknown client", 401, undefined],
    ["disabled client", {}, basic("client-off", SECRET), "invalid_client", "client authentication failed: this client has been disabled", 401, CHALLENGE],
    ["wrong secret (Basic)", {}, basic("client-confidential", "guess"), "invalid_client", "client authentication failed: wrong client secret", 401, CHALLENGE],
    ["wrong secret (post)", { client_id: "client-post", client_secret: "guess" }, undefined, "invalid_client", "client authentication failed: wrong client secret", 401, undefined],
    ["empty secret (Basic)", {}, basic("client-confidential", ""), "invalid_client", "client authentication failed: wrong client secret", 401, CHALLENGE],
    ["confidential client sending no secret", { client_id: "client-confidential" }, undefined, "invalid_client", "client authentication failed: this client must authenticate with client_secret_basic", 401, undefined],
    ["basic client using post", { client_id: "client-confidential", client_secret: SECRET }, undefined, "invalid_client", "client authentication failed: this client must authenticate with client_secret_basic", 401, undefined],
    ["post client using basic", {}, basic("client-post", SECRET), "invalid_client", "client authentication failed: this client must authenticate with client_secret_post", 401, CHALLENGE],
    ["public client sending a secret", { client_id: "client-public", client_secret: "x" }, undefined, "invalid_client", "client authentication failed: this client is public and must not send a client secret", 401, undefined],
    ["public client using Basic", {}, basic("client-public", "x"), "invalid_client", "client authentication failed: this client is public and must not send a client secret", 401, CHALLENGE],
    ["expired secret", {}, basic("client-expired", SECRET), "invalid_client", "client authentication failed: the client secret has expired", 401, CHALLENGE],
    ["confidential client without stored secret", {}, basic("client-nohash", SECRET), "invalid_client", "client authentication failed: this client has no secret", 401, CHALLENGE],
    ["Basic without colon", {}, `Basic ${Buffer.from("client-confidential").toString("base64")}`, "invalid_client", "the Basic authorization header is malformed", 401, CHALLENGE],
    ["Basic with bad base64", {}, "Basic !!!", "invalid_client", "the Basic authorization header is malformed", 401, CHALLENGE],
    ["Basic with bad percent-encoding", {}, `Basic ${Buffer.from("client%ZZ:x").toString("base64")}`, "invalid_client", "the Basic authorization header is malformed", 401, CHALLENGE],
    ["Basic with empty client id", {}, `Basic ${Buffer.from(":x").toString("base64")}`, "invalid_client", "the Basic authorization header is malformed", 401, CHALLENGE],
    ["Basic with nothing", {}, "Basic", "invalid_client", "the Basic authorization header is malformed", 401, CHALLENGE],
  ])("refuses %s", async (_case, form, authorization, error, description, status, wwwAuthenticate) => {
    expect(await asyncRefusal(() => authenticate(form, authorization))).toEqual({ error, error_description: description, status });
    const thrown = (await authenticate(form, authorization).catch((e: unknown) => e)) as { wwwAuthenticate?: string };
    expect(thrown.wwwAuthenticate).toBe(wwwAuthenticate);
  });
});
