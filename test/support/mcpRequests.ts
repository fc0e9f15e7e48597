/** The headers of a Streamable HTTP POST. */
export function mcpHeaders(token: string | null, extra: Record<string, string> = {}): Record<string, string> {
  return {
    "content-type": "application/json",
    accept: "application/json, text/event-stream",
    ...(token ? { authorization: `Bearer ${token}` } : {}),
    ...extra,
  };
}

export function mcpPost(url: string, token: string | null, body: unknown, extra: Record<string, string> = {}): Promise<Response> {
  return fetch(url, { method: "POST", headers: mcpHeaders(token, extra), body: typeof body === "string" ? body : JSON.stringify(body) });
}

export const initialize = (id: number | string = 0) => ({
  jsonrpc: "2.0",
  id,
  method: "initialize",
  params: { protocolVersion: "2025-06-18", capabilities: {}, clientInfo: { name: "gatehouse-test", version: "1" } },
});

export const toolCall = (name: string, id: number | null = 1, args: Record<string, unknown> = {}) => ({
  jsonrpc: "2.0",
  ...(id === null ? {} : { id }),
  method: "tools/call",
  params: { name, arguments: args },
});

export const toolsList = (id = 1) => ({ jsonrpc: "2.0", id, method: "tools/list" });

/** The JSON-RPC messages of an answer, JSON or SSE (each event's data). */
export async function readMessages(response: Response): Promise<Record<string, unknown>[]> {
  const text = await response.text();
  if ((response.headers.get("content-type") ?? "").startsWith("text/event-stream")) {
    return text
      .split(/\r?\n\r?\n/)
      .map((event) => event.split(/\r?\n/).filter((line) => line.startsWith("data:")).map((line) => line.slice(5).trimStart()).join("\n"))
      .filter((data) => data !== "")
      .map((data) => JSON.parse(data));
  }
  const body = JSON.parse(text);
  return Array.isArray(body) ? body : [body];
}
