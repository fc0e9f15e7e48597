import { describe, expect, it } from "vitest";
import type { Upstream } from "@/lib/mcp/gateway/forwardGatewayRequest";
import { ToolScopeMap } from "@/lib/mcp/scopes/ToolScopeMap";
import { demoUpstream } from "@/lib/server/mcp/demo/demoUpstream";
import { findJsonRpcMessage, listUpstreamTools, portalCaller, toolsOf } from "@/lib/server/testers/listUpstreamTools";

describe("findJsonRpcMessage", () => {
  it.each<[string, string | null, string, number, unknown]>([
    ["a JSON body", "application/json", `{"jsonrpc":"2.0","id":1,"result":{"a":1}}`, 1, { jsonrpc: "2.0", id: 1, result: { a: 1 } }],
    ["a JSON batch", "application/json", `[{"jsonrpc":"2.0","id":2,"result":{}},{"jsonrpc":"2.0","id":3,"result":{"b":2}}]`, 3, { jsonrpc: "2.0", id: 3, result: { b: 2 } }],
    ["an SSE stream", "text/event-stream", `event: message\ndata: {"jsonrpc":"2.0","method":"notifications/message"}\n\nevent: message\ndata: {"jsonrpc":"2.0","id":4,"result":{}}\n\n`, 4, { jsonrpc: "2.0", id: 4, result: {} }],
    ["SSE with CRLF and multi-line data", "text/event-stream; charset=utf-8", `data: {"jsonrpc":"2.0",\r\ndata: "id":5,"result":{}}\r\n\r\n`, 5, { jsonrpc: "2.0", id: 5, result: {} }],
    ["another id", "application/json", `{"jsonrpc":"2.0","id":1,"result":{}}`, 2, null],
    ["not JSON", "application/json", `<html>`, 1, null],
    ["no content type", null, `{"jsonrpc":"2.0","id":1,"error":{"code":-1}}`, 1, { jsonrpc: "2.0", id: 1, error: { code: -1 } }],
  ])("%s", (_case, contentType, body, id, expected) => {
    expect(findJsonRpcMessage(contentType, body, id)).toEqual(expected);
  });
});

describe("toolsOf", () => {
  it.each<[unknown, { tools: { name: string; description: string }[]; nextCursor: string | null }]>([
    [{ tools: [{ name: "a", description: "A" }, { name: "b" }] }, { tools: [{ name: "a", description: "A" }, { name: "b", description: "" }], nextCursor: null }],
    [{ tools: [{ name: 1 }, null, "x", { name: "ok" }], nextCursor: "c2" }, { tools: [{ name: "ok", description: "" }], nextCursor: "c2" }],
    [{ nextCursor: "" }, { tools: [], nextCursor: null }],
    [null, { tools: [], nextCursor: null }],
  ])("%j", (result, expected) => {
    expect(toolsOf(result)).toEqual(expected);
  });
});

describe("listUpstreamTools", () => {
  const caller = portalCaller("user-1", ["mcp:tools", "mcp:admin"]);

  it("reads the demo server's tools in process", async () => {
    const upstream = demoUpstream({ orgName: "Acme", serverName: "Demo", toolScopes: new ToolScopeMap({ whoami: ["mcp:tools"], echo: ["mcp:tools"], admin_report: ["mcp:admin"] }) });
    const tools = await listUpstreamTools(upstream, caller);
    expect(tools.map((t) => t.name).sort()).toEqual(["admin_report", "echo", "whoami"]);
  });

  it("follows nextCursor, sends the session id back, and the protocol version after initialize", async () => {
    const seen: { method: string; session: string | null; version: string | null }[] = [];
    const upstream: Upstream = async (call) => {
      const message = JSON.parse(call.body!) as { id?: number; method: string; params?: { cursor?: string } };
      seen.push({ method: message.method, session: call.headers["mcp-session-id"] ?? null, version: call.headers["mcp-protocol-version"] ?? null });
      if (message.id === undefined) return new Response(null, { status: 202 });
      const result = message.method === "initialize" ? { protocolVersion: "2025-11-25", capabilities: {}, serverInfo: { name: "x", version: "1" } } : message.params?.cursor ? { tools: [{ name: "two" }] } : { tools: [{ name: "one" }], nextCursor: "p2" };
      return Response.json({ jsonrpc: "2.0", id: message.id, result }, { headers: message.method === "initialize" ? { "mcp-session-id": "s-1" } : {} });
    };
    expect((await listUpstreamTools(upstream, caller)).map((t) => t.name)).toEqual(["one", "two"]);
    expect(seen).toEqual([
      { method: "initialize", session: null, version: null },
      { method: "notifications/initialized", session: "s-1", version: "2025-11-25" },
      { method: "tools/list", session: "s-1", version: "2025-11-25" },
      { method: "tools/list", session: "s-1", version: "2025-11-25" },
    ]);
  });

  it.each<[string, Upstream, RegExp]>([
    ["an HTTP error", async () => new Response("no", { status: 401 }), /HTTP 401/],
    ["a network failure", async () => Promise.reject(new TypeError("fetch failed")), /did not answer/],
    ["a non-JSON-RPC answer", async () => new Response("<html>", { headers: { "content-type": "text/html" } }), /not a JSON-RPC response/],
    ["a JSON-RPC error", async (call) => Response.json({ jsonrpc: "2.0", id: (JSON.parse(call.body!) as { id: number }).id, error: { code: -32601, message: "nope" } }), /refused initialize/],
  ])("reports %s", async (_case, upstream, message) => {
    await expect(listUpstreamTools(upstream, caller)).rejects.toThrow(message);
  });
});
