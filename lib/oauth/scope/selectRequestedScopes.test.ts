import { describe, expect, it } from "vitest";
import { refusal } from "../test/refusal";
import { demoResource } from "../test/fixtures";
import { selectRequestedScopes } from "./selectRequestedScopes";

describe("selectRequestedScopes", () => {
  it.each([
    [undefined, undefined, ["mcp:tools"]],
    [undefined, ["mcp:admin"], []],
    ["mcp:admin", undefined, ["mcp:admin"]],
    ["mcp:tools mcp:admin mcp:tools", undefined, ["mcp:tools", "mcp:admin"]],
    ["mcp:tools", ["mcp:tools", "files:read"], ["mcp:tools"]],
  ])("scope %j, allowed %j -> %j", (requested, allowed, expected) => {
    expect(selectRequestedScopes(requested, demoResource, allowed)).toEqual(expected);
  });

  it.each([
    ["files:read", undefined, 'scope "files:read" is not defined for resource "https://gatehouse.example/mcp/acme/demo"'],
    ["mcp:tools openid", undefined, 'scope "openid" is not defined for resource "https://gatehouse.example/mcp/acme/demo"'],
    ["mcp:admin", ["mcp:tools"], 'scope "mcp:admin" is not allowed for this client'],
    ['mcp:"x"', undefined, "scope contains characters not allowed in a scope (RFC 6749 §3.3)"],
  ])("refuses scope %j (allowed %j)", (requested, allowed, description) => {
    expect(refusal(() => selectRequestedScopes(requested, demoResource, allowed))).toEqual({
      error: "invalid_scope",
      error_description: description,
      status: 400,
    });
  });
});
