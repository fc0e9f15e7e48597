import { describe, expect, it } from "vitest";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { exchangeCode, obtainCode, pkcePair, registerClient, setUpWorld } from "./securityFixtures";

// PKCE (RFC 7636, OAuth 2.1 §4.1.1: S256 required; RFC 9700 §2.1.1): at the authorization endpoint
// the request is refused by redirecting an error to the (verified) client; at the token endpoint,
// every refusal is invalid_grant (RFC 7636 §4.6) and burns the code.
const world = setUpWorld();
const REDIRECT = "http://127.0.0.1:51000/callback";

async function authorize(clientId: string, pkce: Record<string, string>) {
  const runtime = await getOAuthRuntime();
  const query = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: REDIRECT, state: "st", ...pkce });
  return prepareAuthorization(runtime, world.org.slug, query, { ...world.owner, name: null });
}

describe("PKCE attacks at the authorization endpoint", () => {
  const challenge = pkcePair().challenge;
  it.each([
    ["no code_challenge (PKCE missing)", { code_challenge_method: "S256" }, "code_challenge is required (PKCE with S256)"],
    ["code_challenge_method plain", { code_challenge: challenge, code_challenge_method: "plain" }, 'code_challenge_method "plain" is not supported; use "S256"'],
    ["no code_challenge_method (RFC 7636 would default to plain)", { code_challenge: challenge }, 'code_challenge_method is required and must be "S256"'],
    ["a method in another case", { code_challenge: challenge, code_challenge_method: "s256" }, 'code_challenge_method "s256" is not supported; use "S256"'],
    ["a 42-character challenge", { code_challenge: challenge.slice(1), code_challenge_method: "S256" }, "code_challenge must be 43 base64url characters: BASE64URL(SHA256(code_verifier))"],
    ["a padded base64 challenge", { code_challenge: `${challenge.slice(0, 42)}=`, code_challenge_method: "S256" }, "code_challenge must be 43 base64url characters: BASE64URL(SHA256(code_verifier))"],
    ["a challenge with '+' and '/'", { code_challenge: `+/${challenge.slice(2)}`, code_challenge_method: "S256" }, "code_challenge must be 43 base64url characters: BASE64URL(SHA256(code_verifier))"],
  ])("refuses %s with invalid_request sent back to the client", async (_name, pkce, description) => {
    const client = await registerClient(world);
    const step = await authorize(client.client_id, pkce as Record<string, string>);
    expect(step.kind).toBe("redirect");
    const location = new URL(step.kind === "redirect" ? step.location : "about:blank");
    expect(`${location.origin}${location.pathname}`).toBe(REDIRECT);
    expect(Object.fromEntries(location.searchParams)).toEqual({ error: "invalid_request", error_description: description, state: "st", iss: world.issuer });
  });

  it("accepts the same request with a well-formed S256 challenge (the refusals above are about PKCE alone)", async () => {
    const client = await registerClient(world);
    expect((await authorize(client.client_id, { code_challenge: challenge, code_challenge_method: "S256" })).kind).toBe("ready");
  });
});

describe("PKCE attacks at the token endpoint", () => {
  const FORMAT = "code_verifier must be 43 to 128 characters of A-Z, a-z, 0-9, '-', '.', '_', '~' (RFC 7636 §4.1)";
  it.each([
    ["no code_verifier", undefined, "code_verifier is required (PKCE)"],
    ["a wrong verifier", pkcePair().verifier, "code_verifier does not match the code_challenge of the authorization request"],
    ["the challenge itself as verifier (a plain downgrade)", "challenge", "code_verifier does not match the code_challenge of the authorization request"],
    ["a 42-character verifier", "a".repeat(42), FORMAT],
    ["a 129-character verifier", "a".repeat(129), FORMAT],
    ["a verifier with '+' and '/'", `${"a".repeat(41)}+/`, FORMAT],
    ["a verifier with a space", `${"a".repeat(42)} b`, FORMAT],
    ["a verifier with non-ASCII letters", `${"a".repeat(42)}é`, FORMAT],
  ])("refuses %s with invalid_grant and burns the code", async (_name, verifier, description) => {
    const client = await registerClient(world);
    const issued = await obtainCode(world, client.client_id);
    const { codeChallenge } = await world.server.db.prisma.authorizationCode.findFirstOrThrow({ where: { client: { clientId: client.client_id } } });
    // An empty value counts as omitted (RFC 6749 §3.1).
    const presented = verifier === undefined ? "" : verifier === "challenge" ? codeChallenge : verifier;
    const response = await exchangeCode(world, client.client_id, { ...issued, verifier: presented });
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: "invalid_grant", error_description: description });
    // The right verifier comes too late: the failed attempt consumed the code (RFC 9700 §4.8).
    expect((await exchangeCode(world, client.client_id, issued)).body.error_description).toBe("the authorization code has already been used; tokens issued with it have been revoked");
  });
});
