/** A JSON-RPC 2.0 response object (result or error), as far as the flow tester reads it. */
export interface JsonRpcAnswer {
  id?: unknown;
  result?: Record<string, unknown>;
  error?: { code?: number; message?: string };
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** The `data` of each event of a text/event-stream body (WHATWG HTML §9.2.6: lines joined with "\n"). */
function sseData(body: string): string[] {
  const events: string[] = [];
  for (const block of body.replace(/\r\n?/g, "\n").split(/\n\n+/)) {
    const lines = block.split("\n").filter((line) => line.startsWith("data:")).map((line) => line.slice(5).replace(/^ /, ""));
    if (lines.length > 0) events.push(lines.join("\n"));
  }
  return events;
}

/**
 * The answer to the JSON-RPC request `id` in an MCP Streamable HTTP response body, which the
 * server may send as `application/json` (one message or a batch) or as `text/event-stream` (the
 * answer among other messages, e.g. notifications). Undefined when the body holds no answer to it.
 */
export function readJsonRpcAnswer(body: string, contentType: string | null, id: number | string): JsonRpcAnswer | undefined {
  const texts = (contentType ?? "").toLowerCase().includes("text/event-stream") ? sseData(body) : [body];
  for (const text of texts) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      continue;
    }
    for (const message of Array.isArray(parsed) ? parsed : [parsed]) {
      if (isObject(message) && message.id === id && ("result" in message || "error" in message)) return message as JsonRpcAnswer;
    }
  }
  return undefined;
}
