import { GatewayError, JsonRpcCode, type JsonRpcId, type JsonRpcIds, NO_IDS } from "./GatewayError";

export type JsonRpcMessage =
  | { kind: "request"; id: JsonRpcId; method: string; params: unknown }
  | { kind: "notification"; method: string; params: unknown }
  /** A client's answer to a server request (sampling, elicitation...): never checked. */
  | { kind: "response"; id: JsonRpcId | null };

export interface JsonRpcBody {
  batch: boolean;
  messages: JsonRpcMessage[];
  /** The request ids, for error bodies. */
  ids: JsonRpcIds;
  /**
   * What goes upstream: the parsed value serialized again, not the bytes received, so the upstream
   * reads exactly what the gateway checked (no parser differentials: duplicate keys, where JSON.parse
   * keeps the last and another parser the first; BOMs; odd whitespace).
   */
  forward: string;
}

/**
 * Reads a POST body of the Streamable HTTP transport: one JSON-RPC 2.0 message, or a batch (an
 * array, allowed by MCP 2025-03-26 and forwarded for servers that still take them). Each message
 * must be a request (method + id, a string or a number: MCP forbids null), a notification (method,
 * no id) or a response (result or error, with an id). `params`, when present, is an object or an
 * array. Refusals are 400 with a JSON-RPC error: -32700 for invalid JSON, -32600 otherwise.
 *
 * Not checked: that a method exists or its params match its schema (the upstream's job), the
 * `jsonrpc` member of responses beyond "2.0", and the size (the caller reads at most 1 MiB).
 */
export function parseJsonRpcBody(text: string): JsonRpcBody {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new GatewayError(400, JsonRpcCode.parseError, "Parse error: the request body is not valid JSON", NO_IDS, { cause });
  }
  const batch = Array.isArray(value);
  const items: unknown[] = batch ? (value as unknown[]) : [value];
  if (items.length === 0) throw new GatewayError(400, JsonRpcCode.invalidRequest, "Invalid Request: an empty batch");
  const ids: JsonRpcId[] = [];
  for (const item of items) {
    if (isRecord(item) && (typeof item.id === "string" || typeof item.id === "number") && typeof item.method === "string") ids.push(item.id);
  }
  const messages = items.map((item, index) => readMessage(item, batch ? `message ${index}` : "the message", { batch, ids }));
  return { batch, messages, ids: { batch, ids }, forward: JSON.stringify(value) };
}

function readMessage(item: unknown, where: string, ids: JsonRpcIds): JsonRpcMessage {
  const invalid = (what: string) => new GatewayError(400, JsonRpcCode.invalidRequest, `Invalid Request: ${where} ${what}`, ids);
  if (!isRecord(item)) throw invalid("is not a JSON object");
  if (item.jsonrpc !== "2.0") throw invalid('must have "jsonrpc": "2.0"');
  const hasId = Object.hasOwn(item, "id");
  if ("method" in item) {
    if (typeof item.method !== "string") throw invalid('has a "method" that is not a string');
    if ("result" in item || "error" in item) throw invalid('has both "method" and "result" or "error"');
    if ("params" in item && !isRecord(item.params) && !Array.isArray(item.params)) throw invalid('has "params" that are neither an object nor an array');
    if (!hasId) return { kind: "notification", method: item.method, params: item.params };
    if (typeof item.id !== "string" && typeof item.id !== "number") throw invalid('has an "id" that is neither a string nor a number');
    return { kind: "request", id: item.id, method: item.method, params: item.params };
  }
  if (("result" in item) === ("error" in item)) throw invalid('needs a "method", or exactly one of "result" and "error"');
  if (item.id !== null && typeof item.id !== "string" && typeof item.id !== "number") throw invalid('has an invalid "id"');
  return { kind: "response", id: item.id };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
