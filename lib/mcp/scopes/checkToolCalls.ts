import { GatewayError, JsonRpcCode, type JsonRpcIds } from "../jsonrpc/GatewayError";
import type { JsonRpcMessage } from "../jsonrpc/parseJsonRpcBody";
import { fold, type ToolScopeMap } from "./ToolScopeMap";

export type ToolCallCheck =
  | { allowed: true }
  /** `needed`: every scope the refused calls need, in the order the tools name them. */
  | { allowed: false; tools: string[]; needed: string[] };

/** The methods whose meaning the gateway acts on (scope check, result filtering). */
const GUARDED_METHODS = ["tools/call", "tools/list"];

/**
 * The per-tool scope check of one POST body (single message or batch), before anything goes
 * upstream:
 *
 * - every `tools/call`, request or notification (a notification gets no answer, but a lenient
 *   upstream might still run the tool), needs the scopes its tool needs (ToolScopeMap); if any call
 *   lacks some, the whole body is refused and `needed` lists every scope of every refused call;
 * - a `tools/call` without a string `params.name` is refused (400, -32602): the gateway cannot tell
 *   which tool it would run;
 * - JSON-RPC method names are case-sensitive, so `Tools/Call` is not `tools/call`. Rather than let
 *   an upstream that is lenient about case run a tool unchecked, a method that folds (NFKC, lower
 *   case, trimmed) onto a guarded method without being it is refused (400, -32601 Method not found).
 *
 * Not checked: other methods (resources, prompts, completion: any valid token for the server may
 * use them), responses the client sends to server requests, and tool arguments.
 */
export function checkToolCalls(messages: readonly JsonRpcMessage[], toolScopes: ToolScopeMap, granted: readonly string[], ids: JsonRpcIds): ToolCallCheck {
  const refusedTools: string[] = [];
  const needed: string[] = [];
  for (const message of messages) {
    if (message.kind === "response") continue;
    const { method } = message;
    if (!GUARDED_METHODS.includes(method) && GUARDED_METHODS.includes(fold(method))) {
      throw new GatewayError(400, JsonRpcCode.methodNotFound, `Method not found: "${method.slice(0, 40)}" (JSON-RPC method names are case-sensitive)`, ids);
    }
    if (method !== "tools/call") continue;
    const params = message.params as { name?: unknown } | undefined;
    if (typeof params !== "object" || params === null || typeof params.name !== "string") {
      throw new GatewayError(400, JsonRpcCode.invalidParams, "Invalid params: tools/call needs params.name, the name of the tool", ids);
    }
    const required = toolScopes.requiredScopes(params.name);
    if (required.every((scope) => granted.includes(scope))) continue;
    refusedTools.push(params.name);
    for (const scope of required) if (!needed.includes(scope)) needed.push(scope);
  }
  return refusedTools.length === 0 ? { allowed: true } : { allowed: false, tools: refusedTools, needed };
}
