import { describe, expect, it } from "vitest";
import { parseOAuthParameters } from "../http/parseOAuthParameters";
import { memoryClientStore } from "../test/memoryStores";
import { DEMO_RESOURCE, demoResource, ISSUER, ORG_ID, otherResource, publicClient, resourceStore } from "../test/fixtures";
import { validateAuthorizationRequest } from "./validateAuthorizationRequest";

const CHALLENGE = "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM";

const deps = {
  org: { orgId: ORG_ID, issuer: ISSUER },
  clients: memoryClientStore([
    publicClient(),
    publicClient({ id: "row-single", clientId: "client-single", redirectUris: ["https://single.example/cb"] }),
    publicClient({ id: "row-none", clientId: "client-no-uris", redirectUris: [] }),
    publicClient({ id: "row-off", clientId: "client-disabled", disabled: true }),
    publicClient({ id: "row-cc", clientId: "client-cc", grantTypes: ["client_credentials"] }),
  ]),
  resources: resourceStore(),
};

const valid = {
  response_type: "code",
  client_id: "client-public",
  redirect_uri: "http://127.0.0.1:53682/callback",
  code_challenge: CHALLENGE,
  code_challenge_method: "S256",
  state: "st4te",
};

function validate(query: Record<string, string | undefined>, extra = "") {
  const defined = Object.entries(query).filter((entry): entry is [string, string] => entry[1] !== undefined);
  const search = new URLSearchParams(defined).toString() + extra;
  return validateAuthorizationRequest(parseOAuthParameters(new URLSearchParams(search)), deps);
}

describe("validateAuthorizationRequest", () => {
  it("accepts an MCP client's request: loopback port, default resource, default scopes", async () => {
    const result = await validate(valid);
    expect(result).toEqual({
      ok: true,
      request: {
        client: expect.objectContaining({ clientId: "client-public" }),
        redirectUri: "http://127.0.0.1:53682/callback",
        state: "st4te",
        codeChallenge: CHALLENGE,
        codeChallengeMethod: "S256",
        resource: demoResource,
        scopes: ["mcp:tools"],
      },
    });
  });

  it("takes an explicit resource in any equivalent spelling, and explicit scopes", async () => {
    const result = await validate({ ...valid, resource: "HTTPS://tools.example:443/mcp", scope: "files:read" });
    expect(result).toMatchObject({ ok: true, request: { resource: otherResource, scopes: ["files:read"] } });
  });

  it("uses the only registered redirect URI when none is sent", async () => {
    const result = await validate({ ...valid, client_id: "client-single", redirect_uri: undefined });
    expect(result).toMatchObject({ ok: true, request: { redirectUri: "https://single.example/cb" } });
  });

  describe("errors shown on a page, never redirected", () => {
    it.each([
      ["no client_id", { ...valid, client_id: undefined }, "invalid_request", "client_id is required"],
      ["unknown client", { ...valid, client_id: "nobody" }, "invalid_request", "client_id is not registered with this authorization server"],
      ["disabled client", { ...valid, client_id: "client-disabled" }, "unauthorized_client", "this client has been disabled"],
      [
        "unregistered redirect_uri",
        { ...valid, redirect_uri: "https://evil.example/cb" },
        "invalid_request",
        "redirect_uri does not match any redirect URI registered for this client",
      ],
      [
        "redirect_uri with extra path",
        { ...valid, redirect_uri: "https://app.example/cb/../evil" },
        "invalid_request",
        "redirect_uri does not match any redirect URI registered for this client",
      ],
      [
        "omitted redirect_uri with several registered",
        { ...valid, redirect_uri: undefined },
        "invalid_request",
        "redirect_uri is required: this client registered several redirect URIs",
      ],
      [
        "client without redirect URIs",
        { ...valid, client_id: "client-no-uris", redirect_uri: undefined },
        "invalid_request",
        "this client has no registered redirect URI",
      ],
      [
        "bad redirect_uri and bad response_type: the page wins",
        { ...valid, redirect_uri: "https://evil.example/cb", response_type: "token" },
        "invalid_request",
        "redirect_uri does not match any redirect URI registered for this client",
      ],
    ])("%s", async (_case, query, error, description) => {
      const result = await validate(query);
      expect(result).toMatchObject({ ok: false, display: "page" });
      if (result.ok) return;
      expect(result.error.toResponseBody()).toEqual({ error, error_description: description });
      expect(result).not.toHaveProperty("location");
    });
  });

  describe("errors redirected to the verified redirect URI with state and iss", () => {
    it.each([
      ["no response_type", { response_type: undefined }, "invalid_request", "response_type is required"],
      ["implicit", { response_type: "token" }, "unsupported_response_type", 'response_type "token" is not supported; use "code"'],
      ["hybrid", { response_type: "code id_token" }, "unsupported_response_type", 'response_type "code id_token" is not supported; use "code"'],
      ["client without authorization_code", { client_id: "client-cc" }, "unauthorized_client", "this client is not registered for the authorization_code grant"],
      ["fragment response mode", { response_mode: "fragment" }, "invalid_request", 'response_mode "fragment" is not supported; use "query"'],
      ["no PKCE", { code_challenge: undefined, code_challenge_method: undefined }, "invalid_request", "code_challenge is required (PKCE with S256)"],
      ["no method", { code_challenge_method: undefined }, "invalid_request", 'code_challenge_method is required and must be "S256"'],
      ["plain", { code_challenge_method: "plain" }, "invalid_request", 'code_challenge_method "plain" is not supported; use "S256"'],
      ["lower-case s256", { code_challenge_method: "s256" }, "invalid_request", 'code_challenge_method "s256" is not supported; use "S256"'],
      ["short challenge", { code_challenge: CHALLENGE.slice(1) }, "invalid_request", "code_challenge must be 43 base64url characters: BASE64URL(SHA256(code_verifier))"],
      ["padded challenge", { code_challenge: `${CHALLENGE.slice(1)}=` }, "invalid_request", "code_challenge must be 43 base64url characters: BASE64URL(SHA256(code_verifier))"],
      ["unknown resource", { resource: "https://evil.example/mcp" }, "invalid_target", 'resource "https://evil.example/mcp" is not protected by this authorization server'],
      ["resource with fragment", { resource: `${DEMO_RESOURCE}#x` }, "invalid_target", `resource "${DEMO_RESOURCE}#x" must not include a fragment`],
      ["unknown scope", { scope: "mcp:tools mcp:root" }, "invalid_scope", `scope "mcp:root" is not defined for resource "${DEMO_RESOURCE}"`],
      ["scope of another resource", { scope: "files:read" }, "invalid_scope", `scope "files:read" is not defined for resource "${DEMO_RESOURCE}"`],
    ])("%s", async (_case, overrides, error, description) => {
      const query = { ...valid, ...overrides };
      const result = await validate(query);
      expect(result).toMatchObject({ ok: false, display: "redirect", redirectUri: query.redirect_uri, state: "st4te" });
      if (result.ok || result.display !== "redirect") return;
      expect(result.error.toResponseBody()).toEqual({ error, error_description: description });
      const location = new URL(result.location);
      expect(location.origin + location.pathname).toBe(query.redirect_uri);
      expect(Object.fromEntries(location.searchParams)).toEqual({ error, error_description: description, state: "st4te", iss: ISSUER });
    });

    it("refuses two resources with invalid_target", async () => {
      const result = await validate(valid, `&resource=${encodeURIComponent(DEMO_RESOURCE)}&resource=https%3A%2F%2Ftools.example%2Fmcp`);
      expect(result).toMatchObject({ ok: false, display: "redirect" });
      if (!result.ok) expect(result.error.error).toBe("invalid_target");
    });

    it("omits state from the error redirect when the client sent none", async () => {
      const result = await validate({ ...valid, state: undefined, response_type: "token" });
      if (result.ok || result.display !== "redirect") throw new Error("expected a redirect");
      expect(new URL(result.location).searchParams.has("state")).toBe(false);
      expect(result.state).toBeUndefined();
    });
  });
});
