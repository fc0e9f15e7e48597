import { describe, expect, it } from "vitest";
import { ToolScopeMap } from "../scopes/ToolScopeMap";
import { filterToolsListJson, filterToolsListPayload, type ToolsListFilter } from "./filterToolsList";
import { createToolsListSseFilter } from "./filterToolsListSse";

const map = new ToolScopeMap({ whoami: ["mcp:tools"], admin_report: ["mcp:admin"] });
const filter: ToolsListFilter = { isToolsListResponse: (id) => id === 1, mayCall: (tool) => map.allows(tool, ["mcp:tools"]) };
const tools = [{ name: "whoami" }, { name: "admin_report" }, { name: "free" }, { nameless: true }, "junk"];
const listResult = (id: unknown) => ({ jsonrpc: "2.0", id, result: { tools, nextCursor: "c" } });

describe("filterToolsListPayload", () => {
  it("keeps the tools the token may call and the rest of the result", () => {
    expect(filterToolsListPayload(listResult(1), filter)).toEqual({ jsonrpc: "2.0", id: 1, result: { tools: [{ name: "whoami" }, { name: "free" }], nextCursor: "c" } });
  });

  it.each([
    ["a response to another request", listResult(2)],
    ["an error response", { jsonrpc: "2.0", id: 1, error: { code: 1, message: "x" } }],
    ["a result without tools", { jsonrpc: "2.0", id: 1, result: {} }],
    ["a notification", { jsonrpc: "2.0", method: "notifications/tools/list_changed" }],
    ["a string", "x"],
  ])("leaves %s as it is (same object)", (_name, payload) => {
    expect(filterToolsListPayload(payload, filter)).toBe(payload);
  });

  it("filters inside a batch and keeps the other messages", () => {
    const other = { jsonrpc: "2.0", id: 7, result: {} };
    const out = filterToolsListPayload([other, listResult(1)], filter) as unknown[];
    expect(out[0]).toBe(other);
    expect((out[1] as { result: { tools: unknown[] } }).result.tools).toHaveLength(2);
  });

  it("works on a JSON body, and leaves non-JSON text alone", () => {
    expect(JSON.parse(filterToolsListJson(JSON.stringify(listResult(1)), filter)).result.tools).toEqual([{ name: "whoami" }, { name: "free" }]);
    expect(filterToolsListJson("not json", filter)).toBe("not json");
  });
});

async function throughSse(chunks: string[]): Promise<string> {
  const encoder = new TextEncoder();
  const source = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(encoder.encode(chunk));
      controller.close();
    },
  });
  return new Response(source.pipeThrough(createToolsListSseFilter(filter))).text();
}

describe("createToolsListSseFilter", () => {
  const event = `event: message\nid: e1\ndata: ${JSON.stringify(listResult(1))}\n\n`;
  const filtered = `event: message\nid: e1\ndata: ${JSON.stringify({ ...listResult(1), result: { tools: [{ name: "whoami" }, { name: "free" }], nextCursor: "c" } })}\n\n`;

  it.each([
    ["one chunk", [event]],
    ["byte by byte", event.split("")],
    ["with CRLF line ends split between chunks", [event.replace(/\n/g, "\r\n").slice(0, 20), event.replace(/\n/g, "\r\n").slice(20)]],
    ["with CR line ends", [event.replace(/\n/g, "\r")]],
  ])("rewrites a tools/list answer delivered in %s", async (_name, chunks) => {
    expect(await throughSse(chunks)).toBe(filtered);
  });

  it("passes keep-alives, other events and data split over several lines through unchanged", async () => {
    const other = `: keep-alive\n\nevent: message\ndata: {"jsonrpc":"2.0",\ndata: "method":"notifications/progress"}\n\n`;
    expect(await throughSse([other])).toBe(other);
  });

  it("leaves events of another type and invalid JSON alone", async () => {
    const text = `event: ping\ndata: ${JSON.stringify(listResult(1))}\n\ndata: {oops\n\n`;
    expect(await throughSse([text])).toBe(text);
  });

  it("emits each event as soon as it is complete", async () => {
    const { readable, writable } = createToolsListSseFilter(filter);
    const writer = writable.getWriter();
    const reader = readable.getReader();
    void writer.write(new TextEncoder().encode(": first\n\n: second"));
    expect(new TextDecoder().decode((await reader.read()).value)).toBe(": first\n\n");
    void writer.close();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe(": second\n");
  });
});
