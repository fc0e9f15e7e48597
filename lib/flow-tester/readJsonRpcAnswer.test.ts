import { describe, expect, it } from "vitest";
import { readJsonRpcAnswer } from "./readJsonRpcAnswer";

const answer = { jsonrpc: "2.0", id: 2, result: { tools: [{ name: "whoami" }] } };

describe("readJsonRpcAnswer", () => {
  it.each([
    ["a JSON body", JSON.stringify(answer), "application/json", answer],
    ["a JSON batch", JSON.stringify([{ jsonrpc: "2.0", id: 1, result: {} }, answer]), "application/json; charset=utf-8", answer],
    ["an SSE event", `event: message\ndata: ${JSON.stringify(answer)}\n\n`, "text/event-stream", answer],
    ["an SSE answer after a notification, CRLF line ends", `data: {"jsonrpc":"2.0","method":"notifications/message","params":{}}\r\n\r\nid: 7\r\ndata: ${JSON.stringify(answer)}\r\n\r\n`, "text/event-stream", answer],
    ["an SSE data split over lines", `data: {"jsonrpc":"2.0","id":2,\ndata: "result":{"tools":[]}}\n\n`, "text/event-stream", { jsonrpc: "2.0", id: 2, result: { tools: [] } }],
    ["an error answer", JSON.stringify({ jsonrpc: "2.0", id: 2, error: { code: -32601, message: "Method not found" } }), "application/json", { jsonrpc: "2.0", id: 2, error: { code: -32601, message: "Method not found" } }],
    ["an answer to another id", JSON.stringify({ ...answer, id: 3 }), "application/json", undefined],
    ["a request with the same id", JSON.stringify({ jsonrpc: "2.0", id: 2, method: "ping" }), "application/json", undefined],
    ["a body that is not JSON", "<html>Bad gateway</html>", "text/html", undefined],
    ["an empty stream", "", "text/event-stream", undefined],
  ])("reads %s", (_name, body, contentType, expected) => {
    expect(readJsonRpcAnswer(body, contentType, 2)).toEqual(expected);
  });
});
