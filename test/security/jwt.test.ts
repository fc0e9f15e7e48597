import { randomBytes } from "node:crypto";
import { exportJWK, exportSPKI, generateKeyPair, importJWK, type JWK, SignJWT } from "jose";
import { beforeAll, describe, expect, it } from "vitest";
import { verifyAccessToken } from "@/lib/oauth/access-token/verifyAccessToken";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { createAdminClient } from "@/lib/server/clients/createAdminClient";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { basic, introspect, obtainTokens, registerClient, setUpWorld } from "./securityFixtures";

// Forged and altered JWT access tokens (RFC 8725, RFC 9068 §4). Each is refused by
// verifyAccessToken with invalid_token and a precise description, and introspects as inactive.
const world = setUpWorld();
let orgB: SeededOrg;
let rs: { clientId: string; clientSecret: string };
let real: { access_token: string };
let claims: Record<string, unknown>;
let keyA: { kid: string; privateJwk: JWK; publicJwk: JWK };
let keyB: { kid: string; privateJwk: JWK };

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  const runtime = await getOAuthRuntime();
  orgB = await seedOrg(world.server.db.prisma);
  rs = await createAdminClient(world.server.db.prisma, { orgId: world.org.orgId, name: "RS", grantTypes: ["client_credentials"], canIntrospect: true, actor: { type: "system", label: "test" } });
  const client = await registerClient(world);
  real = await obtainTokens(world, client.client_id);
  claims = JSON.parse(Buffer.from(real.access_token.split(".")[1]!, "base64url").toString());
  keyA = await runtime.keys.getActiveSigningKey(world.org.orgId);
  keyB = await runtime.keys.getActiveSigningKey(orgB.orgId);
});

async function sign(header: Record<string, unknown>, payload: Record<string, unknown>, privateJwk: JWK) {
  return new SignJWT(payload).setProtectedHeader({ alg: "ES256", ...header }).sign(await importJWK(privateJwk, "ES256"));
}
const fresh = (extra: Record<string, unknown> = {}) => ({ ...claims, iat: now(), exp: now() + 600, jti: randomBytes(8).toString("hex"), ...extra });

type Forge = () => Promise<string>;
const FORGERIES: [string, Forge, string][] = [
  ["alg none", async () => `${b64({ alg: "none", typ: "at+jwt", kid: keyA.kid })}.${b64(fresh())}.`, "the access token is signed with an unsupported algorithm; only ES256 is accepted"],
  ["alg none, upper case", async () => `${b64({ alg: "NONE", typ: "at+jwt", kid: keyA.kid })}.${b64(fresh())}.`, "the access token is signed with an unsupported algorithm; only ES256 is accepted"],
  [
    "HS256 keyed with the org's public key (PEM)",
    async () => new SignJWT(fresh()).setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: keyA.kid }).sign(new TextEncoder().encode(await exportSPKI((await importJWK(keyA.publicJwk, "ES256")) as CryptoKey))),
    "the access token is signed with an unsupported algorithm; only ES256 is accepted",
  ],
  [
    "HS256 keyed with the org's public JWK",
    async () => new SignJWT(fresh()).setProtectedHeader({ alg: "HS256", typ: "at+jwt", kid: keyA.kid }).sign(new TextEncoder().encode(JSON.stringify(keyA.publicJwk))),
    "the access token is signed with an unsupported algorithm; only ES256 is accepted",
  ],
  ["an unknown kid", async () => sign({ typ: "at+jwt", kid: "no-such-key" }, fresh(), keyA.privateJwk), "the access token is signed by an unknown key"],
  ["no kid", async () => sign({ typ: "at+jwt" }, fresh(), keyA.privateJwk), "the access token is signed by an unknown key"],
  ["another org's key, with its own kid", async () => sign({ typ: "at+jwt", kid: keyB.kid }, fresh(), keyB.privateJwk), "the access token is signed by an unknown key"],
  ["another org's key, claiming this org's kid", async () => sign({ typ: "at+jwt", kid: keyA.kid }, fresh(), keyB.privateJwk), "the access token signature is invalid"],
  [
    "an attacker's key embedded in the header (jwk), claiming this org's kid",
    async () => {
      const { privateKey, publicKey } = await generateKeyPair("ES256", { extractable: true });
      return new SignJWT(fresh()).setProtectedHeader({ alg: "ES256", typ: "at+jwt", kid: keyA.kid, jwk: await exportJWK(publicKey) }).sign(privateKey);
    },
    "the access token signature is invalid",
  ],
  ["an expired token", async () => sign({ typ: "at+jwt", kid: keyA.kid }, fresh({ iat: now() - 7200, exp: now() - 60 }), keyA.privateJwk), "the access token has expired"],
  ["a token not yet valid (nbf)", async () => sign({ typ: "at+jwt", kid: keyA.kid }, fresh({ nbf: now() + 300 }), keyA.privateJwk), "the access token is not valid yet"],
  ["typ JWT (e.g. an ID token signed by the same key)", async () => sign({ typ: "JWT", kid: keyA.kid }, fresh(), keyA.privateJwk), 'the token is not a JWT access token (typ must be "at+jwt")'],
  ["no typ", async () => sign({ kid: keyA.kid }, fresh(), keyA.privateJwk), 'the token is not a JWT access token (typ must be "at+jwt")'],
  ["typ dpop+jwt", async () => sign({ typ: "dpop+jwt", kid: keyA.kid }, fresh(), keyA.privateJwk), 'the token is not a JWT access token (typ must be "at+jwt")'],
  [
    "a tampered payload (scope widened, signature kept)",
    async () => {
      const [header, , signature] = real.access_token.split(".");
      return `${header}.${b64({ ...claims, scope: "mcp:tools mcp:admin" })}.${signature}`;
    },
    "the access token signature is invalid",
  ],
  [
    "a tampered header (kid changed, signature kept)",
    async () => {
      const [, payload, signature] = real.access_token.split(".");
      return `${b64({ alg: "ES256", typ: "at+jwt", kid: keyB.kid })}.${payload}.${signature}`;
    },
    "the access token is signed by an unknown key",
  ],
  ["another org's issuer, signed with this org's key", async () => sign({ typ: "at+jwt", kid: keyA.kid }, fresh({ iss: `${world.server.origin}/orgs/${orgB.slug}` }), keyA.privateJwk), "the access token was issued by another authorization server"],
  ["the issuer with a trailing slash", async () => sign({ typ: "at+jwt", kid: keyA.kid }, fresh({ iss: `${world.issuer}/` }), keyA.privateJwk), "the access token was issued by another authorization server"],
  ["no grant_id", async () => sign({ typ: "at+jwt", kid: keyA.kid }, fresh({ grant_id: undefined }), keyA.privateJwk), 'the access token has no "grant_id" claim'],
  ["an audience array naming the resource among others", async () => sign({ typ: "at+jwt", kid: keyA.kid }, fresh({ aud: [world.demo, "https://evil.example"] }), keyA.privateJwk), 'the access token\'s "aud" claim is invalid'],
  ["a JWS with a fourth part", async () => `${real.access_token}.AAAA`, "the access token is malformed"],
];

async function verifyError(jwt: string) {
  const runtime = await getOAuthRuntime();
  try {
    await verifyAccessToken(jwt, { issuer: world.issuer, audience: world.demo, keys: await runtime.keys.getPublishedKeys(world.org.orgId), now: new Date() });
    return null;
  } catch (error) {
    return isOAuthError(error) ? error.toResponseBody() : error;
  }
}

describe("JWT access token forgeries", () => {
  it("the control: a token signed with the org's key and valid claims is accepted by both", async () => {
    const jwt = await sign({ typ: "at+jwt", kid: keyA.kid }, fresh(), keyA.privateJwk);
    expect(await verifyError(jwt)).toBeNull();
    expect((await introspect(world, jwt, { headers: basic(rs.clientId, rs.clientSecret) })).body).toMatchObject({ active: true });
  });

  it.each(FORGERIES)("%s: verifyAccessToken refuses it", async (_name, forge, description) => {
    expect(await verifyError(await forge())).toEqual({ error: "invalid_token", error_description: description });
  });

  it.each(FORGERIES)("%s: introspection answers {active: false}", async (_name, forge) => {
    const response = await introspect(world, await forge(), { headers: basic(rs.clientId, rs.clientSecret) });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ active: false });
  });
});
