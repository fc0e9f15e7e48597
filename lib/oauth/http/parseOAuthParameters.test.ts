import { describe, expect, it } from "vitest";
import { refusal } from "../test/refusal";
import { parseOAuthParameters } from "./parseOAuthParameters";

describe("parseOAuthParameters", () => {
  it("reads single parameters", () => {
    const params = parseOAuthParameters(new URLSearchParams("grant_type=authorization_code&code=abc"));
    expect(params.get("grant_type")).toBe("authorization_code");
    expect(params.get("code")).toBe("abc");
    expect(params.get("missing")).toBeUndefined();
  });

  it("treats empty values as omitted (RFC 6749 §3.1)", () => {
    const params = parseOAuthParameters(new URLSearchParams("scope=&state=x"));
    expect(params.get("scope")).toBeUndefined();
    expect(params.has("scope")).toBe(false);
    expect(params.get("state")).toBe("x");
  });

  it.each([
    ["code=a&code=b", 'parameter "code" is included more than once'],
    ["code=a&code=", 'parameter "code" is included more than once'],
    ["client_id=a&client_id=a", 'parameter "client_id" is included more than once'],
    [`na%00me=1&na%00me=2`, 'parameter "na?me" is included more than once'],
  ])("refuses the repeated parameter in %s", (query, description) => {
    expect(refusal(() => parseOAuthParameters(new URLSearchParams(query)))).toMatchObject({
      error: "invalid_request",
      error_description: description,
    });
  });

  it("keeps every value of a repeatable parameter for the operation to judge", () => {
    const params = parseOAuthParameters(new URLSearchParams("resource=https://a&resource=https://b"));
    expect(params.getAll("resource")).toEqual(["https://a", "https://b"]);
  });

  it("refuses a value longer than the limit", () => {
    const query = new URLSearchParams({ state: "x".repeat(11) });
    expect(refusal(() => parseOAuthParameters(query, { maxValueLength: 10 }))).toMatchObject({
      error: "invalid_request",
      error_description: 'parameter "state" is longer than 10 characters',
    });
  });

  it("refuses too many parameters", () => {
    const query = new URLSearchParams("a=1&b=2&c=3");
    expect(refusal(() => parseOAuthParameters(query, { maxParameters: 2 }))).toMatchObject({
      error: "invalid_request",
      error_description: "the request has more than 2 parameters",
    });
  });
});
