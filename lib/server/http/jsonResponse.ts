import { sentBodies } from "./sentBodies";

/** A JSON response; `no-store` unless the caller says how it may be cached. */
export function jsonResponse(body: unknown, init: { status?: number; headers?: Record<string, string> } = {}): Response {
  const text = JSON.stringify(body);
  const response = new Response(text, {
    status: init.status ?? 200,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...init.headers },
  });
  sentBodies.set(response, text);
  return response;
}
