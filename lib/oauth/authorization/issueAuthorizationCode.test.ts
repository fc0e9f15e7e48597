import { beforeEach, describe, expect, it } from "vitest";
import { demoResource, ISSUER, otherResource } from "../test/fixtures";
import { asyncRefusal } from "../test/refusal";
import { issueAuthorizationCode } from "./issueAuthorizationCode";
import { CHALLENGE, createHarness, NOW, REDIRECT_URI, type Harness } from "../test/tokenHarness";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

describe("issueAuthorizationCode", () => {
  it("redirects with code, state and iss, and stores only the code's hash with its bindings", async () => {
    const { code, grant, location } = await h.issueCode();
    const url = new URL(location);
    expect(url.origin + url.pathname).toBe(REDIRECT_URI);
    expect(Object.fromEntries(url.searchParams)).toEqual({ code, state: "st4te", iss: ISSUER });
    expect(code).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const stored = [...h.codes.codes.values()];
    expect(stored).toEqual([
      {
        codeHash: h.deps.hasher.hashForLookup(code),
        grantId: grant.id,
        clientRowId: h.publicOne.id,
        redirectUri: REDIRECT_URI,
        codeChallenge: CHALLENGE,
        codeChallengeMethod: "S256",
        resource: "https://gatehouse.example/mcp/acme/demo",
        scopes: ["mcp:tools"],
        expiresAt: new Date(NOW.getTime() + 60_000),
        usedAt: null,
      },
    ]);
    expect(JSON.stringify(stored)).not.toContain(code);
  });

  it("omits state when the client sent none", async () => {
    const { location } = await h.issueCode(h.publicOne, { state: undefined });
    expect(new URL(location).searchParams.has("state")).toBe(false);
  });

  it.each([
    ["revoked grant", { revokedAt: NOW }, {}],
    ["grant of another client", { clientRowId: "row-other" }, {}],
    ["grant for another resource", { resource: otherResource.resource }, {}],
    ["grant without the requested scope", { scopes: ["mcp:tools"] }, { scopes: ["mcp:tools", "mcp:admin"] }],
  ])("refuses to issue a code under a %s (a caller bug: server_error)", async (_case, grantOverrides, requestOverrides) => {
    const grant = h.addGrant(h.publicOne, grantOverrides);
    const request = {
      client: h.publicOne,
      redirectUri: REDIRECT_URI,
      state: undefined,
      codeChallenge: CHALLENGE,
      codeChallengeMethod: "S256" as const,
      resource: demoResource,
      scopes: ["mcp:tools"],
      ...requestOverrides,
    };
    expect(await asyncRefusal(() => issueAuthorizationCode(request, grant, h.deps))).toEqual({
      error: "server_error",
      error_description: "the authorization could not be completed",
      status: 500,
    });
    expect(h.codes.codes.size).toBe(0);
  });
});
