/** Which JSON-RPC responses answer a tools/list request (by id), and which tools the caller may call. */
export interface ToolsListFilter {
  isToolsListResponse(id: unknown): boolean;
  mayCall(tool: string): boolean;
}

/**
 * MCP `tools/list` results show only the tools the token may call: in each response the filter
 * selects, `result.tools` keeps the entries whose `name` the caller may call; an entry without a
 * string name is dropped (fail closed). Works on one message or a batch (array). Everything else
 * (`nextCursor`, `_meta`, other responses, errors) is left as it is.
 *
 * Returns the same value when nothing changed, so callers can skip re-serializing.
 */
export function filterToolsListPayload(payload: unknown, filter: ToolsListFilter): unknown {
  if (Array.isArray(payload)) {
    let changed = false;
    const next = payload.map((message) => {
      const filtered = filterMessage(message, filter);
      changed ||= filtered !== message;
      return filtered;
    });
    return changed ? next : payload;
  }
  return filterMessage(payload, filter);
}

function filterMessage(message: unknown, filter: ToolsListFilter): unknown {
  if (typeof message !== "object" || message === null || !("result" in message) || !("id" in message)) return message;
  const { result, id } = message as { result: unknown; id: unknown };
  if (!filter.isToolsListResponse(id)) return message;
  if (typeof result !== "object" || result === null || !Array.isArray((result as { tools?: unknown }).tools)) return message;
  const tools = (result as { tools: unknown[] }).tools;
  const kept = tools.filter((tool) => typeof tool === "object" && tool !== null && typeof (tool as { name?: unknown }).name === "string" && filter.mayCall((tool as { name: string }).name));
  if (kept.length === tools.length) return message;
  return { ...message, result: { ...result, tools: kept } };
}

/** The same on a whole JSON body (application/json); a body that is not JSON is returned as is. */
export function filterToolsListJson(text: string, filter: ToolsListFilter): string {
  let payload: unknown;
  try {
    payload = JSON.parse(text);
  } catch {
    return text;
  }
  const filtered = filterToolsListPayload(payload, filter);
  return filtered === payload ? text : JSON.stringify(filtered);
}
