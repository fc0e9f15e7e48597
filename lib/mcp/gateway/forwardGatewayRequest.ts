import type { AccessContext } from "../access/authenticateAccessToken";
import { insufficientScopeError } from "../challenge/resourceChallenge";
import { GatewayError, JsonRpcCode, type JsonRpcId, type JsonRpcIds, NO_IDS } from "../jsonrpc/GatewayError";
import { parseJsonRpcBody } from "../jsonrpc/parseJsonRpcBody";
import { checkToolCalls } from "../scopes/checkToolCalls";
import type { ToolScopeMap } from "../scopes/ToolScopeMap";
import { filterToolsListJson, type ToolsListFilter } from "../tools/filterToolsList";
import { createToolsListSseFilter } from "../tools/filterToolsListSse";
import { readRequestBody } from "./readRequestBody";
import { UpstreamCallAbort } from "./UpstreamCallAbort";
import { upstreamRequestHeaders, upstreamResponseHeaders } from "./upstreamHeaders";

/** One call to the MCP server behind the gateway. */
export interface UpstreamCall {
  method: "GET" | "POST" | "DELETE";
  /** Allow-listed client headers and the caller's identity headers, by lower-case name; the adapter adds its credential. */
  headers: Record<string, string>;
  body: string | undefined;
  caller: AccessContext;
  /** Aborted on timeout and when the client goes away: `abort.onAbort`, or `abort.signal` (made on first use). */
  abort: UpstreamCallAbort;
}

/**
 * What the upstream answered. A web Response is one (an in-process server); an HTTP adapter may
 * hand over a short body already read whole, which spares setting up a stream for it.
 */
export interface UpstreamResponse {
  status: number;
  headers: { get(name: string): string | null };
  body: ReadableStream<Uint8Array> | Uint8Array | null;
}

/** An MCP server the gateway can call: over HTTP (lib/server) or in process (the demo server). */
export type Upstream = (call: UpstreamCall) => Promise<UpstreamResponse>;

export interface GatewayServer {
  resourceMetadataUrl: string;
  toolScopes: ToolScopeMap;
  upstream: Upstream;
}

export interface ForwardOptions {
  /** How long the upstream has to send its response headers (and each chunk of a non-SSE body). */
  upstreamTimeoutMs: number;
  /** Largest request body (the MCP messages of one POST). */
  maxRequestBytes: number;
  /** Largest JSON response read whole to filter a tools/list result. */
  maxFilteredResponseBytes: number;
  /** Told about every insufficient_scope refusal (the audit log). */
  onInsufficientScope?(refusal: { tools: string[]; needed: string[] }): void;
}

/**
 * The gateway's work on a request whose token authenticateAccessToken accepted (MCP Streamable
 * HTTP transport, MCP authorization spec), in order:
 *
 * 1. POST: the body (at most `maxRequestBytes`, else 413) is read as JSON-RPC (parseJsonRpcBody),
 *    and checkToolCalls refuses tool calls the token's scopes do not cover: 403 insufficient_scope
 *    naming every scope the refused calls need, before anything reaches the upstream;
 * 2. the upstream is called with allow-listed headers and the caller's identity headers
 *    (upstreamRequestHeaders: never the client's Authorization); a POST sends the checked messages
 *    re-serialized, GET and DELETE send no body;
 * 3. errors: the upstream unreachable -> 502, no response headers within `upstreamTimeoutMs` -> 504,
 *    the upstream refusing the gateway's own credential (401/407) or redirecting (3xx, never
 *    followed) -> 502; each a JSON-RPC error body echoing the request ids. Other statuses (404 for
 *    an unknown session, 4xx and 5xx JSON-RPC errors) are the upstream's answer and pass through;
 * 4. the answer streams back as it comes: SSE events one by one, other bodies chunk by chunk (a
 *    short non-SSE body the adapter read whole goes back whole). An
 *    answer that may carry tools/list results is filtered to the tools the token may call: on a
 *    POST, the responses to its tools/list requests (SSE as it streams; JSON read whole, at most
 *    `maxFilteredResponseBytes`); on a GET resuming a stream (Last-Event-ID), any response with a
 *    `result.tools` list, since a replayed answer cannot be matched to its request.
 *
 * Client gone: the upstream call is aborted (the request's signal, and cancelling the response body,
 * which cancels the upstream body in turn).
 *
 * Not done: retries, load balancing, response size limits on streamed bodies, an idle timeout on SSE
 * streams (they may rightly stay quiet for long; the client's going away ends them).
 */
export async function forwardGatewayRequest(request: Request, caller: AccessContext, server: GatewayServer, options: ForwardOptions): Promise<Response> {
  const method = request.method as UpstreamCall["method"];
  let body: string | undefined;
  let ids: JsonRpcIds = NO_IDS;
  const toolsListIds = new Set<JsonRpcId>();
  if (method === "POST") {
    const parsed = parseJsonRpcBody(await readRequestBody(request, options.maxRequestBytes));
    ids = parsed.ids;
    const check = checkToolCalls(parsed.messages, server.toolScopes, caller.scopes, parsed.ids);
    if (!check.allowed) {
      options.onInsufficientScope?.({ tools: check.tools, needed: check.needed });
      throw insufficientScopeError(server.resourceMetadataUrl, check.needed, describeShortfall(check.tools, check.needed, caller.scopes));
    }
    for (const message of parsed.messages) if (message.kind === "request" && message.method === "tools/list") toolsListIds.add(message.id);
    body = parsed.forward;
  }

  const abort = new UpstreamCallAbort();
  let timedOut = false;
  const onClientGone = () => abort.abort(new Error("the client went away"));
  request.signal?.addEventListener("abort", onClientGone, { once: true });
  const timer = setTimeout(() => {
    timedOut = true;
    abort.abort(new Error(`no answer within ${options.upstreamTimeoutMs} ms`));
  }, options.upstreamTimeoutMs);
  const failure = (cause: unknown) =>
    timedOut
      ? new GatewayError(504, JsonRpcCode.upstreamTimeout, "The MCP server behind the gateway did not answer in time", ids, { cause })
      : new GatewayError(502, JsonRpcCode.upstreamUnavailable, "The MCP server behind the gateway could not be reached", ids, { cause });

  let response: UpstreamResponse;
  try {
    response = await server.upstream({ method, headers: upstreamRequestHeaders(request.headers, caller), body, caller, abort });
  } catch (cause) {
    clearTimeout(timer);
    throw failure(cause);
  }
  const refusal = upstreamRefusal(response.status);
  if (refusal) {
    clearTimeout(timer);
    if (response.body instanceof ReadableStream) await response.body.cancel().catch(() => undefined);
    throw new GatewayError(502, JsonRpcCode.upstreamUnavailable, refusal, ids, { cause: `upstream answered ${response.status}` });
  }

  const headers = upstreamResponseHeaders(response.headers);
  const type = (response.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const filter = toolsListFilter(server, caller, toolsListIds, method === "GET" && request.headers.has("last-event-id"));
  const { body: answer } = response;
  if (!(answer instanceof ReadableStream)) {
    clearTimeout(timer);
    if (answer === null) return new Response(null, { status: response.status, headers });
    if (filter && type === "text/event-stream") {
      return new Response(new Blob([answer as BlobPart]).stream().pipeThrough(createToolsListSseFilter(filter)), { status: response.status, headers });
    }
    const whole = filter && type === "application/json" ? new TextEncoder().encode(filterToolsListJson(new TextDecoder().decode(answer), filter)) : answer;
    // Its length known up front, the answer goes out in one piece instead of chunked (one write less).
    return new Response(whole as BodyInit, { status: response.status, headers: { ...headers, "content-length": String(whole.byteLength) } });
  }
  if (filter && type === "application/json") {
    // The timer keeps running: the whole body must arrive in time.
    let text: string;
    try {
      text = await readLimited(answer, options.maxFilteredResponseBytes);
    } catch (cause) {
      throw failure(cause);
    } finally {
      clearTimeout(timer);
    }
    return new Response(filterToolsListJson(text, filter), { status: response.status, headers });
  }
  clearTimeout(timer);
  if (type === "text/event-stream") {
    return new Response(filter ? answer.pipeThrough(createToolsListSseFilter(filter)) : answer, { status: response.status, headers });
  }
  return new Response(withIdleTimeout(answer, options.upstreamTimeoutMs, () => abort.abort(new Error("upstream body stalled"))), { status: response.status, headers });
}

/** Upstream answers the client must not see as such: they are about the gateway, not the client. */
function upstreamRefusal(status: number): string | null {
  if (status === 401 || status === 407) return "The MCP server behind the gateway refused the gateway's credentials";
  if (status >= 300 && status < 400) return "The MCP server behind the gateway answered with a redirect; its upstream URL needs updating";
  return null;
}

function describeShortfall(tools: string[], needed: string[], granted: string[]): string {
  const names = tools.map((tool) => `"${tool.slice(0, 64)}"`).join(", ");
  return `tools/call of ${names} needs the scope${needed.length > 1 ? "s" : ""} ${needed.join(" ")}; the access token has ${granted.length > 0 ? granted.join(" ") : "no scope"}`;
}

function toolsListFilter(server: GatewayServer, caller: AccessContext, ids: Set<JsonRpcId>, resuming: boolean): ToolsListFilter | null {
  if (ids.size === 0 && !resuming) return null;
  return {
    isToolsListResponse: (id) => resuming || ids.has(id as JsonRpcId),
    mayCall: (tool) => server.toolScopes.allows(tool, caller.scopes),
  };
}

async function readLimited(body: ReadableStream<Uint8Array>, limit: number): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = "";
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`the upstream's JSON answer exceeds ${limit} bytes`);
    }
    text += decoder.decode(value, { stream: true });
  }
}

/** A body that fails (and aborts the upstream) when the upstream sends nothing for `ms` while the client waits. */
function withIdleTimeout(source: ReadableStream<Uint8Array>, ms: number, onStall: () => void): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stalled = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`the upstream sent nothing for ${ms} ms`)), ms);
      });
      try {
        const { done, value } = await Promise.race([reader.read(), stalled]);
        if (done) controller.close();
        else controller.enqueue(value);
      } catch (error) {
        onStall();
        reader.cancel(error).catch(() => undefined);
        controller.error(error);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
