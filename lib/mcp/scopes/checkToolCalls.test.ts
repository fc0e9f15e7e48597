import { describe, expect, it } from "vitest";
import { GatewayError } from "../jsonrpc/GatewayError";
import { parseJsonRpcBody } from "../jsonrpc/parseJsonRpcBody";
import { checkToolCalls, type ToolCallCheck } from "./checkToolCalls";
import { ToolScopeMap } from "./ToolScopeMap";

const map = new ToolScopeMap({ whoami: ["mcp:tools"], echo: ["mcp:tools"], admin_report: ["mcp:admin"], deploy: ["mcp:tools", "mcp:admin"], open: [] });
const call = (name: unknown, id: number | null = 1) => ({ jsonrpc: "2.0", ...(id === null ? {} : { id }), method: "tools/call", params: { name } });
const check = (payload: unknown, granted: string[]) => {
  const body = parseJsonRpcBody(JSON.stringify(payload));
  return checkToolCalls(body.messages, map, granted, body.ids);
};

describe("checkToolCalls", () => {
  it.each<[string, unknown, string[], ToolCallCheck]>([
    ["a tool the token may call", call("whoami"), ["mcp:tools"], { allowed: true }],
    ["a tool that needs no scope", call("open"), [], { allowed: true }],
    ["a tool not in the map", call("unmapped"), [], { allowed: true }],
    ["a tool that needs a scope the token lacks", call("admin_report"), ["mcp:tools"], { allowed: false, tools: ["admin_report"], needed: ["mcp:admin"] }],
    ["a tool that needs two scopes: every one is named", call("deploy"), ["mcp:tools"], { allowed: false, tools: ["deploy"], needed: ["mcp:tools", "mcp:admin"] }],
    ["a tools/call notification (no id) is checked too", call("admin_report", null), [], { allowed: false, tools: ["admin_report"], needed: ["mcp:admin"] }],
    ["a case variant of a scoped tool needs its scopes", call("Admin_Report"), ["mcp:tools"], { allowed: false, tools: ["Admin_Report"], needed: ["mcp:admin"] }],
    ["a full-width variant of a scoped tool needs its scopes", call("ａｄｍｉｎ_report"), [], { allowed: false, tools: ["ａｄｍｉｎ_report"], needed: ["mcp:admin"] }],
    ["other methods are not checked", { jsonrpc: "2.0", id: 1, method: "resources/read", params: { uri: "x" } }, [], { allowed: true }],
    ["tools/list is not refused", { jsonrpc: "2.0", id: 1, method: "tools/list" }, [], { allowed: true }],
    ["client responses are not checked", { jsonrpc: "2.0", id: 1, result: { name: "admin_report" } }, [], { allowed: true }],
    ["a batch with one allowed call", [call("whoami", 1), call("echo", 2)], ["mcp:tools"], { allowed: true }],
    [
      "a batch hiding a refused call among allowed ones: every refused tool and scope named",
      [call("whoami", 1), call("admin_report", 2), call("deploy", 3)],
      ["mcp:tools"],
      { allowed: false, tools: ["admin_report", "deploy"], needed: ["mcp:admin", "mcp:tools"] },
    ],
  ])("%s", (_name, payload, granted, expected) => {
    expect(check(payload, granted)).toEqual(expected);
  });

  it.each([
    ["Tools/Call", -32601, 'Method not found: "Tools/Call" (JSON-RPC method names are case-sensitive)'],
    ["TOOLS/CALL", -32601, 'Method not found: "TOOLS/CALL" (JSON-RPC method names are case-sensitive)'],
    [" tools/call", -32601, 'Method not found: " tools/call" (JSON-RPC method names are case-sensitive)'],
    ["Tools/List", -32601, 'Method not found: "Tools/List" (JSON-RPC method names are case-sensitive)'],
  ])("refuses the method %j rather than let a lenient upstream run it unchecked", (method, code, message) => {
    let error: GatewayError | undefined;
    try {
      check({ jsonrpc: "2.0", id: 9, method, params: { name: "admin_report" } }, ["mcp:admin"]);
    } catch (e) {
      error = e as GatewayError;
    }
    expect(error?.status).toBe(400);
    expect(error?.toResponseBody()).toEqual({ jsonrpc: "2.0", id: 9, error: { code, message } });
  });

  it.each([
    ["no params", { jsonrpc: "2.0", id: 4, method: "tools/call" }],
    ["a numeric name", call(5, 4)],
    ["params as an array", { jsonrpc: "2.0", id: 4, method: "tools/call", params: ["admin_report"] }],
  ])("refuses a tools/call with %s (which tool would run is unknown)", (_name, payload) => {
    let error: GatewayError | undefined;
    try {
      check(payload, ["mcp:tools", "mcp:admin"]);
    } catch (e) {
      error = e as GatewayError;
    }
    expect(error?.toResponseBody()).toEqual({ jsonrpc: "2.0", id: 4, error: { code: -32602, message: "Invalid params: tools/call needs params.name, the name of the tool" } });
  });
});

describe("ToolScopeMap", () => {
  it("refuses a stored map that is not an object of string arrays", () => {
    expect(() => new ToolScopeMap([])).toThrow("toolScopes must be an object");
    expect(() => new ToolScopeMap({ a: "mcp:tools" })).toThrow('toolScopes["a"] must be an array of scope names');
  });

  it("merges names that fold the same", () => {
    expect(new ToolScopeMap({ Report: ["a"], report: ["b"] }).requiredScopes("REPORT")).toEqual(["a", "b"]);
  });
});
