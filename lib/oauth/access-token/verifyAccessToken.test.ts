import { exportJWK, generateKeyPair, SignJWT, decodeProtectedHeader, decodeJwt, type JWK } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import type { SigningKeyRecord } from "../ports";
import { asyncRefusal } from "../test/refusal";
import type { AccessTokenClaims } from "./accessTokenClaims";
import { signAccessToken } from "./signAccessToken";
import { verifyAccessToken } from "./verifyAccessToken";

const ISSUER = "https://gatehouse.example/orgs/acme";
const RESOURCE = "https://gatehouse.example/mcp/acme/demo";
const NOW = new Date("2026-01-01T12:00:00Z");
const iat = NOW.getTime() / 1000;

let key: SigningKeyRecord;
let otherKey: SigningKeyRecord;
let published: JWK[];

async function makeKey(kid: string): Promise<SigningKeyRecord> {
  const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
  return { kid, alg: "ES256", privateJwk: await exportJWK(privateKey), publicJwk: { ...(await exportJWK(publicKey)), kid, alg: "ES256", use: "sig" } };
}

const claims: AccessTokenClaims = {
  iss: ISSUER,
  sub: "user-1",
  aud: RESOURCE,
  client_id: "client-public",
  scope: "mcp:tools",
  iat,
  exp: iat + 3600,
  jti: "jti-1",
  grant_id: "grant-1",
};

beforeAll(async () => {
  key = await makeKey("k1");
  otherKey = await makeKey("k-unpublished");
  published = [key.publicJwk];
});

const verify = (jwt: string, overrides: Partial<Parameters<typeof verifyAccessToken>[1]> = {}) =>
  verifyAccessToken(jwt, { issuer: ISSUER, audience: RESOURCE, keys: published, now: NOW, ...overrides });

/** Signs arbitrary header/claims with a given key, to forge tokens signAccessToken would never make. */
async function forge(header: Record<string, unknown>, payload: Record<string, unknown>, signingKey = key) {
  const { importJWK } = await import("jose");
  return new SignJWT(payload).setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: signingKey.kid, ...header }).sign(await importJWK(signingKey.privateJwk, "ES256"));
}

describe("signAccessToken", () => {
  it("produces an RFC 9068 JWT: ES256, typ at+jwt, kid, the given claims", async () => {
    const jwt = await signAccessToken(claims, key);
    expect(decodeProtectedHeader(jwt)).toEqual({ alg: "ES256", typ: "at+jwt", kid: "k1" });
    expect(decodeJwt(jwt)).toEqual(claims);
  });

  it("refuses a key without a private part", async () => {
    await expect(signAccessToken(claims, { ...key, privateJwk: key.publicJwk })).rejects.toThrow("is not an ES256 private key");
  });
});

describe("verifyAccessToken", () => {
  it("returns the claims of a valid token", async () => {
    expect(await verify(await signAccessToken(claims, key))).toEqual(claims);
  });

  it("accepts typ application/at+jwt and an aud array that includes the resource", async () => {
    const jwt = await forge({ typ: "application/at+jwt" }, { ...claims, aud: [RESOURCE] });
    await expect(verify(jwt)).rejects.toMatchObject({ error: "invalid_token", description: `the access token's "aud" claim is invalid` });
    const single = await forge({ typ: "application/at+jwt" }, { ...claims });
    expect((await verify(single)).jti).toBe("jti-1");
  });

  it("tolerates a few seconds of clock skew", async () => {
    const jwt = await signAccessToken({ ...claims, exp: iat - 5 }, key);
    expect((await verify(jwt)).sub).toBe("user-1");
  });

  const cases: [string, () => Promise<string>, Partial<Parameters<typeof verifyAccessToken>[1]>, string][] = [
    ["expired", () => signAccessToken({ ...claims, exp: iat - 60 }, key), {}, "the access token has expired"],
    ["not yet valid", () => signAccessToken({ ...claims, nbf: iat + 60 }, key), {}, "the access token is not valid yet"],
    ["for another resource", () => signAccessToken(claims, key), { audience: "https://other.example/mcp" }, "the access token is not intended for this resource"],
    ["from another issuer", () => signAccessToken(claims, key), { issuer: "https://gatehouse.example/orgs/other" }, "the access token was issued by another authorization server"],
    ["issuer with trailing slash", () => signAccessToken({ ...claims, iss: `${ISSUER}/` }, key), {}, "the access token was issued by another authorization server"],
    ["signed by an unpublished key", () => signAccessToken(claims, otherKey), {}, "the access token is signed by an unknown key"],
    ["with a published kid but another key's signature", () => forge({ kid: "k1" }, { ...claims }, otherKey), {}, "the access token signature is invalid"],
    ["without kid", () => forge({ kid: undefined }, { ...claims }), {}, "the access token is signed by an unknown key"],
    ["typ JWT (an ID token, say)", () => forge({ typ: "JWT" }, { ...claims }), {}, 'the token is not a JWT access token (typ must be "at+jwt")'],
    ["without typ", () => forge({ typ: undefined }, { ...claims }), {}, 'the token is not a JWT access token (typ must be "at+jwt")'],
    ["without jti", () => forge({}, { ...claims, jti: undefined }), {}, 'the access token has no "jti" claim'],
    ["without grant_id", () => forge({}, { ...claims, grant_id: undefined }), {}, 'the access token has no "grant_id" claim'],
    ["without client_id", () => forge({}, { ...claims, client_id: undefined }), {}, 'the access token has no "client_id" claim'],
    ["with a numeric sub", () => forge({}, { ...claims, sub: 42 }), {}, `the access token's "sub" claim is invalid`],
    ["not a JWT", async () => "opaque-token", {}, "the access token is malformed"],
    ["with a garbage header", async () => "!!!.e30.e30", {}, "the access token is malformed"],
    ["with an empty header", async () => "e30.e30.e30", {}, "the access token is signed with an unsupported algorithm; only ES256 is accepted"],
  ];
  it.each(cases)("refuses a token %s", async (_case, make, overrides, description) => {
    expect(await asyncRefusal(async () => verify(await make(), overrides))).toEqual({
      error: "invalid_token",
      error_description: description,
      status: 401,
    });
  });

  it("refuses alg none", async () => {
    const header = Buffer.from(JSON.stringify({ alg: "none", typ: "at+jwt", kid: "k1" })).toString("base64url");
    const body = Buffer.from(JSON.stringify(claims)).toString("base64url");
    expect(await asyncRefusal(() => verify(`${header}.${body}.`))).toMatchObject({
      error: "invalid_token",
      error_description: "the access token is signed with an unsupported algorithm; only ES256 is accepted",
    });
  });

  it("refuses HS256 keyed with the published public key (algorithm confusion)", async () => {
    const secret = new TextEncoder().encode(JSON.stringify(key.publicJwk));
    const jwt = await new SignJWT({ ...claims }).setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: "k1" }).sign(secret);
    expect(await asyncRefusal(() => verify(jwt))).toMatchObject({
      error: "invalid_token",
      error_description: "the access token is signed with an unsupported algorithm; only ES256 is accepted",
    });
  });

  it("keeps jose's reason as the internal cause only", async () => {
    const error = (await verify(await signAccessToken({ ...claims, exp: iat - 60 }, key)).catch((e: unknown) => e)) as Error;
    expect(error.cause).toBeDefined();
    expect(String((error.cause as Error).message)).toContain('"exp" claim timestamp check failed');
    expect(JSON.stringify((error as unknown as { toResponseBody(): unknown }).toResponseBody())).not.toContain("claim timestamp");
  });
});
