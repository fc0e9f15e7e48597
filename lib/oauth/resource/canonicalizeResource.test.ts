import { describe, expect, it } from "vitest";
import { refusal } from "../test/refusal";
import { canonicalizeResource } from "./canonicalizeResource";

describe("canonicalizeResource", () => {
  it.each([
    ["https://a.example", "https://a.example"],
    ["https://a.example/", "https://a.example"],
    ["HTTPS://A.Example/", "https://a.example"],
    ["https://a.example:443/mcp", "https://a.example/mcp"],
    ["http://a.example:80/mcp", "http://a.example/mcp"],
    ["https://a.example:8443/mcp", "https://a.example:8443/mcp"],
    ["https://a.example/mcp/", "https://a.example/mcp/"],
    ["https://a.example/MCP", "https://a.example/MCP"],
    ["https://a.example/a/../mcp", "https://a.example/mcp"],
    ["https://a.example/mcp?tenant=1", "https://a.example/mcp?tenant=1"],
    ["https://a.example/?x=1", "https://a.example?x=1"],
    ["http://localhost:3000/mcp/acme/demo", "http://localhost:3000/mcp/acme/demo"],
    ["https://[::1]:8443/mcp", "https://[::1]:8443/mcp"],
    ["https://bücher.example/mcp", "https://xn--bcher-kva.example/mcp"],
  ])("%s -> %s", (input, canonical) => {
    expect(canonicalizeResource(input)).toBe(canonical);
  });

  it.each([
    ["https://a.example/mcp#frag", 'resource "https://a.example/mcp#frag" must not include a fragment'],
    ["https://a.example/mcp#", 'resource "https://a.example/mcp#" must not include a fragment'],
    ["/mcp", 'resource "/mcp" is not an absolute URI'],
    ["a.example/mcp", 'resource "a.example/mcp" is not an absolute URI'],
    ["https:a.example/mcp", 'resource "https:a.example/mcp" is not an absolute URI'],
    ["urn:example:mcp", 'resource "urn:example:mcp" must be an http or https URI'],
    ["javascript:alert(1)", 'resource "javascript:alert(1)" must be an http or https URI'],
    ["https://user:pw@a.example/mcp", 'resource "https://user:pw@a.example/mcp" must not include user information'],
    ["https://@a.example/mcp", 'resource "https://@a.example/mcp" must not include user information'],
    ["https://a.example\\@evil.example/", 'resource "https://a.example\\@evil.example/" contains whitespace, control characters or a backslash'],
    ["https://a.example/m cp", 'resource "https://a.example/m cp" contains whitespace, control characters or a backslash'],
    ["https://a.exa\tmple/", 'resource "https://a.exa?mple/" contains whitespace, control characters or a backslash'],
  ])("refuses %s", (input, description) => {
    expect(refusal(() => canonicalizeResource(input))).toEqual({
      error: "invalid_target",
      error_description: description,
      status: 400,
    });
  });
});
