import { describe, expect, it } from "vitest";
import { buildAuthorizationResponseUrl } from "./buildAuthorizationResponseUrl";

const iss = "https://gatehouse.example/orgs/acme";

describe("buildAuthorizationResponseUrl", () => {
  it.each([
    [
      "https://app.example/cb",
      { code: "c0de", state: "s t&=", iss },
      "https://app.example/cb?code=c0de&state=s+t%26%3D&iss=https%3A%2F%2Fgatehouse.example%2Forgs%2Facme",
    ],
    ["https://app.example/cb", { code: "c0de", iss }, "https://app.example/cb?code=c0de&iss=https%3A%2F%2Fgatehouse.example%2Forgs%2Facme"],
    [
      "https://app.example/cb?tenant=a%20b&x",
      { code: "c0de", state: "xyz", iss },
      "https://app.example/cb?tenant=a%20b&x&code=c0de&state=xyz&iss=https%3A%2F%2Fgatehouse.example%2Forgs%2Facme",
    ],
    ["https://app.example/cb?", { code: "c", iss }, "https://app.example/cb?code=c&iss=https%3A%2F%2Fgatehouse.example%2Forgs%2Facme"],
    ["com.example.app:/cb", { code: "c", iss }, "com.example.app:/cb?code=c&iss=https%3A%2F%2Fgatehouse.example%2Forgs%2Facme"],
    [
      "http://127.0.0.1:53682/callback",
      { error: "access_denied" as const, error_description: "the user denied access", state: "xyz", iss },
      "http://127.0.0.1:53682/callback?error=access_denied&error_description=the+user+denied+access&state=xyz&iss=https%3A%2F%2Fgatehouse.example%2Forgs%2Facme",
    ],
    [
      "https://app.example/cb",
      { error: "invalid_scope" as const, iss },
      "https://app.example/cb?error=invalid_scope&iss=https%3A%2F%2Fgatehouse.example%2Forgs%2Facme",
    ],
  ])("%s + %j", (redirectUri, parameters, expected) => {
    expect(buildAuthorizationResponseUrl(redirectUri, parameters)).toBe(expected);
  });

  it("round-trips through URL parsing with the client's own query intact", () => {
    const url = new URL(buildAuthorizationResponseUrl("https://app.example/cb?tenant=7", { code: "abc", state: "s", iss }));
    expect([...url.searchParams]).toEqual([
      ["tenant", "7"],
      ["code", "abc"],
      ["state", "s"],
      ["iss", iss],
    ]);
  });
});
