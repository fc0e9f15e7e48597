import { encodeRequestBody } from "./encodeRequestBody";

/** One set-up request (not measured): the status and the parsed JSON body, or the text when not JSON. */
export async function httpCall(
  url: string,
  init: { method?: string; form?: Record<string, string>; json?: unknown; headers?: Record<string, string> },
): Promise<{ status: number; body: Record<string, unknown> & { text?: string } }> {
  const { contentType, body } = encodeRequestBody(init);
  const headers: Record<string, string> = { ...init.headers, ...(contentType ? { "content-type": contentType } : {}) };
  const response = await fetch(url, { method: init.method ?? (body === undefined ? "GET" : "POST"), headers, body });
  const text = await response.text();
  try {
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: response.status, body: { text } };
  }
}

/** httpCall that insists on `expected` (set-up must not go on from a refused step). */
export async function httpCallExpecting(expected: number, what: string, url: string, init: Parameters<typeof httpCall>[1]) {
  const result = await httpCall(url, init);
  if (result.status !== expected) throw new Error(`${what}: expected ${expected}, got ${result.status} ${JSON.stringify(result.body).slice(0, 400)}`);
  return result.body;
}

export function basicAuthorization(clientId: string, secret: string): string {
  // RFC 6749 §2.3.1: id and secret are form-urlencoded before base64.
  return `Basic ${Buffer.from(`${encodeURIComponent(clientId)}:${encodeURIComponent(secret)}`).toString("base64")}`;
}
