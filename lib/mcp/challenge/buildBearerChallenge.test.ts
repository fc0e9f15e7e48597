import { describe, expect, it } from "vitest";
import { type BearerChallenge, buildBearerChallenge } from "./buildBearerChallenge";

const META = "https://auth.example.com/.well-known/oauth-protected-resource/mcp/acme/demo";

describe("buildBearerChallenge", () => {
  it.each<[string, BearerChallenge, string]>([
    ["nothing", {}, "Bearer"],
    ["a missing token (RFC 6750 §3.1: no error code)", { resourceMetadata: META, scope: ["mcp:tools"] }, `Bearer resource_metadata="${META}", scope="mcp:tools"`],
    [
      "an invalid token",
      { resourceMetadata: META, scope: ["mcp:tools"], error: "invalid_token", errorDescription: "the access token has expired" },
      `Bearer resource_metadata="${META}", scope="mcp:tools", error="invalid_token", error_description="the access token has expired"`,
    ],
    [
      "insufficient scope with several scopes, in order",
      { resourceMetadata: META, scope: ["mcp:tools", "mcp:admin"], error: "insufficient_scope" },
      `Bearer resource_metadata="${META}", scope="mcp:tools mcp:admin", error="insufficient_scope"`],
    ["a realm first", { realm: "acme", scope: ["a"] }, 'Bearer realm="acme", scope="a"'],
    ["no scope parameter for an empty list", { resourceMetadata: META, scope: [] }, `Bearer resource_metadata="${META}"`],
    ["duplicate scopes once", { scope: ["a", "b", "a"] }, 'Bearer scope="a b"'],
    ["scopes with a quote, a backslash, a space or non-ASCII dropped", { scope: ['x"y', "x\\y", "x y", "é", "ok"] }, 'Bearer scope="ok"'],
    ["only invalid scopes: no scope parameter", { scope: ['"'] }, "Bearer"],
    ["a quote and a backslash in a URL escaped as quoted-pairs", { resourceMetadata: 'https://h/a"b\\c' }, 'Bearer resource_metadata="https://h/a\\"b\\\\c"'],
    ["a control character or non-ASCII in a URL percent-encoded", { resourceMetadata: "https://h/é\n" }, 'Bearer resource_metadata="https://h/%C3%A9%0A"'],
    ["a lone surrogate percent-encoded as U+FFFD", { realm: "a\ud800" }, 'Bearer realm="a%EF%BF%BD"'],
    ["a quote in a description becomes an apostrophe", { error: "invalid_token", errorDescription: 'kid "x" unknown' }, "Bearer error=\"invalid_token\", error_description=\"kid 'x' unknown\""],
    ["a backslash in a description becomes a slash", { errorDescription: "a\\b" }, 'Bearer error_description="a/b"'],
    ["CR, LF and non-ASCII in a description become ?", { errorDescription: "a\r\nb é" }, 'Bearer error_description="a??b ?"'],
  ])("%s", (_name, challenge, expected) => {
    expect(buildBearerChallenge(challenge)).toBe(expected);
  });

  it("clips a long description to 300 characters", () => {
    const value = buildBearerChallenge({ errorDescription: "x".repeat(400) });
    expect(value).toBe(`Bearer error_description="${"x".repeat(297)}..."`);
  });

  it("always yields a value a Headers object accepts", () => {
    const headers = new Headers();
    expect(() => headers.set("www-authenticate", buildBearerChallenge({ realm: "\u0000\u2028", resourceMetadata: "\ud83d\ude00", errorDescription: "\u0000" }))).not.toThrow();
  });
});
