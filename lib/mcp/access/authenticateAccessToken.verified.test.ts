import { exportJWK, generateKeyPair, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { AccessTokenClaims } from "@/lib/oauth/access-token/accessTokenClaims";
import { signAccessToken } from "@/lib/oauth/access-token/signAccessToken";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import type { GrantRecord, SigningKeyRecord } from "@/lib/oauth/ports";
import { authenticateAccessToken, type ProtectedResourceContext } from "./authenticateAccessToken";
import { PublishedKeyCache } from "./PublishedKeyCache";

const ISSUER = "https://gatehouse.example/orgs/acme";
const DEMO = "https://gatehouse.example/mcp/acme/demo";
const OTHER = "https://gatehouse.example/mcp/acme/other";
const START = Date.parse("2026-01-01T12:00:00Z");
const TTL_SEC = 300;

let key: SigningKeyRecord;

const resourceAt = (resource: string): ProtectedResourceContext => ({
  orgId: "org-1",
  issuer: ISSUER,
  resource,
  challenge: { resourceMetadataUrl: `https://gatehouse.example/.well-known/oauth-protected-resource${new URL(resource).pathname}`, scopes: ["mcp:tools"] },
});

/**
 * The resource side as the gateway runs it, with a clock the test moves and stores the test
 * changes: published keys, grants, revoked jtis. Counts the key-set reads (one per verification
 * that needs keys, hits included) through PublishedKeyCache.
 */
function harness() {
  let now = START;
  const clock = { now: () => new Date(now) };
  const published: JWK[] = [key.publicJwk];
  const grants = new Map<string, GrantRecord>([["grant-1", { id: "grant-1", orgId: "org-1", userId: "user-1", clientRowId: "c", resource: DEMO, scopes: ["mcp:tools"], revokedAt: null }]]);
  const revokedJtis = new Set<string>();
  const keys = new PublishedKeyCache({ getPublishedKeys: async () => [...published] }, clock, { ttlMs: 60_000, minRefreshMs: 0 });
  const deps = { keys, grants: { find: async (id: string) => grants.get(id) ?? null }, revokedAccessTokens: { isRevoked: async (jti: string) => revokedJtis.has(jti) }, clock };
  const sign = (overrides: Partial<AccessTokenClaims> = {}) => {
    const iat = Math.floor(now / 1000);
    return signAccessToken({ iss: ISSUER, sub: "user-1", aud: DEMO, client_id: "client-1", scope: "mcp:tools", iat, exp: iat + TTL_SEC, jti: `jti-${iat}`, grant_id: "grant-1", ...overrides }, key);
  };
  return {
    deps,
    sign,
    published,
    grants,
    revokedJtis,
    advance: (ms: number) => (now += ms),
    call: (token: string, resource = DEMO) => authenticateAccessToken(`Bearer ${token}`, resourceAt(resource), deps),
  };
}

/** The refusal's client-facing description, or "accepted". */
async function outcome(attempt: Promise<unknown>): Promise<string> {
  try {
    await attempt;
    return "accepted";
  } catch (error) {
    if (isOAuthError(error)) return `${error.error}: ${error.description}`;
    throw error;
  }
}

beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  key = { kid: "k1", alg: "ES256", privateJwk: await exportJWK(privateKey), publicJwk: { ...(await exportJWK(publicKey)), kid: "k1", alg: "ES256", use: "sig" } };
});

describe("a token already verified for a resource", () => {
  it("is accepted again with the same claims", async () => {
    const h = harness();
    const token = await h.sign();
    const first = await h.call(token);
    const second = await h.call(token);
    expect(second).toEqual(first);
    expect(second).toEqual({ subject: "user-1", clientId: "client-1", scopes: ["mcp:tools"], grantId: "grant-1", userId: "user-1", jti: first.jti, expiresAt: first.expiresAt });
  });

  it("is refused after its exp (past the clock tolerance), however often it was accepted", async () => {
    const h = harness();
    const token = await h.sign();
    expect(await outcome(h.call(token))).toBe("accepted");
    h.advance((TTL_SEC - 1) * 1000);
    expect(await outcome(h.call(token))).toBe("accepted");
    h.advance(12_000);
    expect(await outcome(h.call(token))).toBe("invalid_token: the access token has expired");
  });

  it("is refused at another resource of the same org, before and after it was accepted at its own", async () => {
    const h = harness();
    const token = await h.sign();
    expect(await outcome(h.call(token, OTHER))).toBe("invalid_token: the access token is not intended for this resource");
    expect(await outcome(h.call(token))).toBe("accepted");
    expect(await outcome(h.call(token, OTHER))).toBe("invalid_token: the access token is not intended for this resource");
  });

  it("is refused at once when its jti is revoked", async () => {
    const h = harness();
    const token = await h.sign();
    expect(await outcome(h.call(token))).toBe("accepted");
    h.revokedJtis.add(`jti-${Math.floor(START / 1000)}`);
    expect(await outcome(h.call(token))).toBe("invalid_token: the access token has been revoked");
  });

  it("is refused at once when its grant is revoked", async () => {
    const h = harness();
    const token = await h.sign();
    expect(await outcome(h.call(token))).toBe("accepted");
    h.grants.set("grant-1", { ...h.grants.get("grant-1")!, revokedAt: new Date(START) });
    expect(await outcome(h.call(token))).toBe("invalid_token: the access token has been revoked");
  });

  it("is refused once its signing key is no longer published (after the key set is read again)", async () => {
    const h = harness();
    const token = await h.sign();
    expect(await outcome(h.call(token))).toBe("accepted");
    h.published.length = 0;
    h.advance(60_000);
    expect(await outcome(h.call(token))).toBe("invalid_token: the access token is signed by an unknown key");
  });

  it("does not let a forged token with the same claims but another signature through", async () => {
    const h = harness();
    const token = await h.sign();
    expect(await outcome(h.call(token))).toBe("accepted");
    const [header, payload, signature] = token.split(".");
    const tampered = `${header}.${payload}.${signature!.slice(0, -4)}${signature!.slice(-4) === "AAAA" ? "BBBB" : "AAAA"}`;
    expect(await outcome(h.call(tampered))).toBe("invalid_token: the access token signature is invalid");
  });
});
