import { describe, expect, it } from "vitest";
import { type BearerCredentials, readBearerToken } from "./readBearerToken";

describe("readBearerToken (RFC 6750 section 2.1)", () => {
  it.each<[string | null, BearerCredentials]>([
    [null, { kind: "none" }],
    ["", { kind: "none" }],
    ["   ", { kind: "none" }],
    ["Basic dXNlcjpwYXNz", { kind: "none" }],
    ["DPoP abc.def.ghi", { kind: "none" }],
    ["Bearerabc", { kind: "none" }],
    ["Bearer abc.def.ghi", { kind: "token", token: "abc.def.ghi" }],
    ["bearer abc", { kind: "token", token: "abc" }],
    ["BEARER    abc", { kind: "token", token: "abc" }],
    ["Bearer a-b_c~d+e/f==", { kind: "token", token: "a-b_c~d+e/f==" }],
    ["Bearer", { kind: "malformed", reason: "the Authorization header has the Bearer scheme but no token" }],
    ["Bearer    ", { kind: "malformed", reason: "the Authorization header has the Bearer scheme but no token" }],
    ["Bearer a b", { kind: "malformed", reason: "the access token contains characters a bearer token cannot have (RFC 6750 section 2.1)" }],
    ['Bearer "abc"', { kind: "malformed", reason: "the access token contains characters a bearer token cannot have (RFC 6750 section 2.1)" }],
    ["Bearer =abc", { kind: "malformed", reason: "the access token contains characters a bearer token cannot have (RFC 6750 section 2.1)" }],
    [`Bearer ${"a".repeat(8193)}`, { kind: "malformed", reason: "the access token is too long" }],
  ])("%j", (header, expected) => {
    expect(readBearerToken(header)).toEqual(expected);
  });
});
