import { describe, expect, it } from "vitest";
import { parseScope } from "./parseScope";

describe("parseScope", () => {
  it.each([
    ["mcp:tools", ["mcp:tools"]],
    ["mcp:tools mcp:admin", ["mcp:tools", "mcp:admin"]],
    ["  mcp:tools   mcp:tools ", ["mcp:tools"]],
    ["", []],
    ["a!#[]~", ["a!#[]~"]],
  ])("%j -> %j", (value, scopes) => {
    expect(parseScope(value)).toEqual(scopes);
  });

  it.each([['mcp:"tools"'], ["mcp\\tools"], ["mcp:tools\tmcp:admin"], ["é"], ["a\nb"]])("refuses %j", (value) => {
    expect(parseScope(value)).toBeUndefined();
  });
});
