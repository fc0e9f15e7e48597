import { randomUUID } from "node:crypto";
import type { AccessContext } from "@/lib/mcp/access/authenticateAccessToken";
import type { Upstream, UpstreamResponse } from "@/lib/mcp/gateway/forwardGatewayRequest";
import { readUpstreamText } from "@/lib/mcp/gateway/readUpstreamText";
import { UpstreamCallAbort } from "@/lib/mcp/gateway/UpstreamCallAbort";

export interface UpstreamTool {
  name: string;
  description: string;
}

const PROTOCOL_VERSION = "2025-11-25";
const TIMEOUT_MS = 10_000;
const MAX_PAGES = 10;

/**
 * The JSON-RPC message with `id` in an MCP answer: a JSON body, or a Streamable HTTP SSE stream
 * (`data:` lines of events). Null when there is none.
 */
export function findJsonRpcMessage(contentType: string | null, body: string, id: number): Record<string, unknown> | null {
  const candidates: unknown[] = [];
  if ((contentType ?? "").includes("text/event-stream")) {
    for (const event of body.split(/\r?\n\r?\n/)) {
      const data = event
        .split(/\r?\n/)
        .filter((line) => line.startsWith("data:"))
        .map((line) => line.slice(5).replace(/^ /, ""))
        .join("\n");
      if (!data) continue;
      try {
        candidates.push(JSON.parse(data));
      } catch {
        // not JSON: skip
      }
    }
  } else {
    try {
      const parsed: unknown = JSON.parse(body);
      candidates.push(...(Array.isArray(parsed) ? parsed : [parsed]));
    } catch {
      return null;
    }
  }
  const found = candidates.find((m): m is Record<string, unknown> => typeof m === "object" && m !== null && (m as { id?: unknown }).id === id);
  return found ?? null;
}

/** The tools of a `tools/list` result, names and descriptions only. */
export function toolsOf(result: unknown): { tools: UpstreamTool[]; nextCursor: string | null } {
  const r = (result ?? {}) as { tools?: unknown; nextCursor?: unknown };
  const tools = Array.isArray(r.tools)
    ? r.tools
        .filter((t): t is { name: string; description?: unknown } => typeof t === "object" && t !== null && typeof (t as { name?: unknown }).name === "string")
        .map((t) => ({ name: t.name, description: typeof t.description === "string" ? t.description : "" }))
    : [];
  return { tools, nextCursor: typeof r.nextCursor === "string" && r.nextCursor ? r.nextCursor : null };
}

/**
 * Asks an MCP server (the gateway's upstream, over HTTP or in process) for its tools, as a client
 * would: initialize, notifications/initialized, then tools/list (following nextCursor). Throws an
 * Error with a message fit for the admin when the server does not answer as MCP.
 */
export async function listUpstreamTools(upstream: Upstream, caller: AccessContext): Promise<UpstreamTool[]> {
  // Aborted when done too: an in-process upstream (the demo server) closes on abort.
  const done = new AbortController();
  const signal = AbortSignal.any([done.signal, AbortSignal.timeout(TIMEOUT_MS)]);
  try {
    return await listTools(upstream, caller, signal);
  } finally {
    done.abort();
  }
}

async function listTools(upstream: Upstream, caller: AccessContext, signal: AbortSignal): Promise<UpstreamTool[]> {
  let sessionId: string | null = null;
  let nextId = 1;

  async function send(method: string, params: unknown, notification = false) {
    const id = nextId++;
    const headers: Record<string, string> = { "content-type": "application/json", accept: "application/json, text/event-stream" };
    if (method !== "initialize") headers["mcp-protocol-version"] = PROTOCOL_VERSION;
    if (sessionId) headers["mcp-session-id"] = sessionId;
    const body = JSON.stringify(notification ? { jsonrpc: "2.0", method, params } : { jsonrpc: "2.0", id, method, params });
    let response: UpstreamResponse;
    try {
      response = await upstream({ method: "POST", headers, body, caller, abort: abortOn(signal) });
    } catch {
      throw new Error("The upstream did not answer (connection refused, timeout, TLS or DNS error)");
    }
    const text = await readUpstreamText(response);
    if (notification) return null;
    if (response.status < 200 || response.status > 299) throw new Error(`The upstream answered ${method} with HTTP ${response.status}`);
    sessionId ??= response.headers.get("mcp-session-id");
    const message = findJsonRpcMessage(response.headers.get("content-type"), text, id);
    if (!message) throw new Error(`The upstream's answer to ${method} is not a JSON-RPC response`);
    if (message.error) throw new Error(`The upstream refused ${method}: ${JSON.stringify(message.error).slice(0, 200)}`);
    return message.result;
  }

  await send("initialize", { protocolVersion: PROTOCOL_VERSION, capabilities: {}, clientInfo: { name: "gatehouse-portal", version: "1.0.0" } });
  await send("notifications/initialized", undefined, true);
  const tools: UpstreamTool[] = [];
  let cursor: string | null = null;
  for (let page = 0; page < MAX_PAGES; page++) {
    const result = toolsOf(await send("tools/list", cursor ? { cursor } : {}));
    tools.push(...result.tools);
    cursor = result.nextCursor;
    if (!cursor) break;
  }
  return tools;
}

function abortOn(signal: AbortSignal): UpstreamCallAbort {
  const abort = new UpstreamCallAbort();
  if (signal.aborted) abort.abort(signal.reason instanceof Error ? signal.reason : new Error("aborted"));
  else signal.addEventListener("abort", () => abort.abort(signal.reason instanceof Error ? signal.reason : new Error("aborted")), { once: true });
  return abort;
}

/** Who the portal is, for an upstream that looks at the caller (the demo server does). */
export function portalCaller(userId: string, scopes: string[]): AccessContext {
  return { subject: userId, clientId: "gatehouse-portal", scopes, grantId: "", userId, jti: randomUUID(), expiresAt: Math.floor(Date.now() / 1000) + 60 };
}
