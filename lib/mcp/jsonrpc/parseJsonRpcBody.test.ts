import { describe, expect, it } from "vitest";
import { GatewayError } from "./GatewayError";
import { parseJsonRpcBody } from "./parseJsonRpcBody";

describe("parseJsonRpcBody", () => {
  it.each([
    ["a request", '{"jsonrpc":"2.0","id":1,"method":"tools/list"}', [{ kind: "request", id: 1, method: "tools/list", params: undefined }]],
    ["a string id", '{"jsonrpc":"2.0","id":"a","method":"x","params":{}}', [{ kind: "request", id: "a", method: "x", params: {} }]],
    ["a notification", '{"jsonrpc":"2.0","method":"notifications/initialized"}', [{ kind: "notification", method: "notifications/initialized", params: undefined }]],
    ["a result", '{"jsonrpc":"2.0","id":3,"result":{}}', [{ kind: "response", id: 3 }]],
    ["an error with a null id", '{"jsonrpc":"2.0","id":null,"error":{"code":1,"message":"m"}}', [{ kind: "response", id: null }]],
    [
      "a batch",
      '[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"b","params":[1]}]',
      [
        { kind: "request", id: 1, method: "a", params: undefined },
        { kind: "notification", method: "b", params: [1] },
      ],
    ],
  ])("reads %s", (_name, text, messages) => {
    expect(parseJsonRpcBody(text).messages).toEqual(messages);
  });

  it("forwards what it checked: duplicate keys collapse to the value JSON.parse kept", () => {
    const body = parseJsonRpcBody('{"jsonrpc":"2.0","id":1,"method":"tools/list","method":"tools/call","params":{"name":"a"}}');
    expect(body.messages[0]).toMatchObject({ method: "tools/call" });
    expect(body.forward).toBe('{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"a"}}');
  });

  it("collects the request ids for error bodies", () => {
    expect(parseJsonRpcBody('[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","method":"n"},{"jsonrpc":"2.0","id":"x","method":"b"}]').ids).toEqual({ batch: true, ids: [1, "x"] });
  });

  it.each([
    ["invalid JSON", "{", -32700, "Parse error: the request body is not valid JSON", null],
    ["an empty batch", "[]", -32600, "Invalid Request: an empty batch", null],
    ["a number", "3", -32600, "Invalid Request: the message is not a JSON object", null],
    ["no jsonrpc member", '{"id":1,"method":"a"}', -32600, 'Invalid Request: the message must have "jsonrpc": "2.0"', 1],
    ["jsonrpc 1.0", '{"jsonrpc":"1.0","id":1,"method":"a"}', -32600, 'Invalid Request: the message must have "jsonrpc": "2.0"', 1],
    ["a numeric method", '{"jsonrpc":"2.0","id":1,"method":3}', -32600, 'Invalid Request: the message has a "method" that is not a string', null],
    ["a null id on a request", '{"jsonrpc":"2.0","id":null,"method":"a"}', -32600, 'Invalid Request: the message has an "id" that is neither a string nor a number', null],
    ["an object id", '{"jsonrpc":"2.0","id":{},"method":"a"}', -32600, 'Invalid Request: the message has an "id" that is neither a string nor a number', null],
    ["string params", '{"jsonrpc":"2.0","id":1,"method":"a","params":"x"}', -32600, 'Invalid Request: the message has "params" that are neither an object nor an array', 1],
    ["method and result", '{"jsonrpc":"2.0","id":1,"method":"a","result":{}}', -32600, 'Invalid Request: the message has both "method" and "result" or "error"', 1],
    ["neither method nor result", '{"jsonrpc":"2.0","id":1}', -32600, 'Invalid Request: the message needs a "method", or exactly one of "result" and "error"', null],
    ["result and error", '{"jsonrpc":"2.0","id":1,"result":1,"error":{}}', -32600, 'Invalid Request: the message needs a "method", or exactly one of "result" and "error"', null],
  ])("refuses %s with 400 %i", (_name, text, code, message, id) => {
    let error: unknown;
    try {
      parseJsonRpcBody(text);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GatewayError);
    expect((error as GatewayError).status).toBe(400);
    expect((error as GatewayError).toResponseBody()).toEqual({ jsonrpc: "2.0", id, error: { code, message } });
  });

  it("names the offending message of a batch and answers every request id", () => {
    let error: GatewayError | undefined;
    try {
      parseJsonRpcBody('[{"jsonrpc":"2.0","id":1,"method":"a"},{"jsonrpc":"2.0","id":2,"method":"b","params":"x"}]');
    } catch (e) {
      error = e as GatewayError;
    }
    const message = 'Invalid Request: message 1 has "params" that are neither an object nor an array';
    expect(error?.toResponseBody()).toEqual([1, 2].map((id) => ({ jsonrpc: "2.0", id, error: { code: -32600, message } })));
  });
});
