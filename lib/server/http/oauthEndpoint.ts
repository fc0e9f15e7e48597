import { randomUUID } from "node:crypto";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { CORS_HEADERS } from "./corsHeaders";
import { isDatabaseUnavailable } from "./isDatabaseUnavailable";
import { jsonResponse } from "./jsonResponse";

export type Endpoint<P> = (request: Request, params: P) => Promise<Response>;

/**
 * The one boundary of every protocol endpoint. The endpoint parses, calls one operation and
 * formats; this turns what it throws into an RFC 6749 §5.2 answer:
 * - OAuthError: its status, `{error, error_description}` and `WWW-Authenticate` when set;
 * - the database unreachable: 503 `temporarily_unavailable` with Retry-After;
 * - anything else: 500 `server_error` with an id the log also has; the detail only in the log.
 * Every answer is `no-store` unless the endpoint set its own cache policy, and carries CORS.
 */
export function oauthEndpoint<P>(run: Endpoint<P>): Endpoint<P> {
  return async (request, params) => {
    let response: Response;
    try {
      response = await run(request, params);
    } catch (error) {
      response = errorResponse(error, request);
    }
    for (const [name, value] of Object.entries(CORS_HEADERS)) {
      if (!response.headers.has(name)) response.headers.set(name, value);
    }
    return response;
  };
}

function errorResponse(error: unknown, request: Request): Response {
  if (isOAuthError(error)) {
    if (error.cause !== undefined) console.warn(`[gatehouse] ${request.method} ${new URL(request.url).pathname}: ${error.error}: ${String(error.cause)}`);
    return jsonResponse(error.toResponseBody(), {
      status: error.status,
      headers: { pragma: "no-cache", ...(error.wwwAuthenticate ? { "www-authenticate": error.wwwAuthenticate } : {}) },
    });
  }
  if (isDatabaseUnavailable(error)) {
    console.error(`[gatehouse] database unavailable: ${error instanceof Error ? error.message : String(error)}`);
    return jsonResponse(
      { error: "temporarily_unavailable", error_description: "The service is briefly unavailable; retry in a few seconds." },
      { status: 503, headers: { "retry-after": "5" } },
    );
  }
  const id = randomUUID();
  console.error(`[gatehouse] server_error ${id} on ${request.method} ${new URL(request.url).pathname}`, error);
  return jsonResponse({ error: "server_error", error_description: `An internal error occurred (reference ${id}).` }, { status: 500 });
}
