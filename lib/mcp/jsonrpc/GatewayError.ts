export type JsonRpcId = string | number;

/** Which request ids an error answers: echoed in the JSON-RPC error body. */
export interface JsonRpcIds {
  /** The body was a JSON-RPC batch (an array). */
  batch: boolean;
  /** Ids of the requests in it (notifications and responses have none to echo). */
  ids: JsonRpcId[];
}

export const NO_IDS: JsonRpcIds = { batch: false, ids: [] };

/** JSON-RPC 2.0 §5.1 codes and the implementation-defined server errors the gateway uses. */
export const JsonRpcCode = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internalError: -32603,
  /** The upstream MCP server could not be reached or answered wrongly (HTTP 502). */
  upstreamUnavailable: -32000,
  /** The upstream MCP server did not answer in time (HTTP 504). */
  upstreamTimeout: -32001,
} as const;

/**
 * A refusal by the gateway that the client gets as a JSON-RPC error body (JSON-RPC 2.0 §5) with
 * an HTTP status: malformed messages, a body too large, the upstream down or slow. Authorization
 * refusals are OAuthErrors instead (RFC 6750 bodies and challenges). `message` goes to the client;
 * `cause` is for the log only.
 */
export class GatewayError extends Error {
  override readonly name = "GatewayError";

  constructor(
    readonly status: number,
    readonly code: number,
    message: string,
    readonly ids: JsonRpcIds = NO_IDS,
    options: { cause?: unknown } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
  }

  /** One error object per request id of a batch; otherwise one, with the id or null. */
  toResponseBody(): unknown {
    const error = { code: this.code, message: this.message };
    if (this.ids.batch && this.ids.ids.length > 0) return this.ids.ids.map((id) => ({ jsonrpc: "2.0", id, error }));
    return { jsonrpc: "2.0", id: this.ids.ids[0] ?? null, error };
  }
}

export function isGatewayError(value: unknown): value is GatewayError {
  return value instanceof GatewayError;
}
