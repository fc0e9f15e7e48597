import { OAuthError, type OAuthErrorCode } from "@/lib/oauth/errors/OAuthError";
import { readBodyText } from "./readBodyText";

/** A JSON object body (RFC 7591 §3.1 registration requests), or `code` naming what is wrong. */
export async function readJsonObject(request: Request, limit: number, code: OAuthErrorCode): Promise<Record<string, unknown>> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/json\s*(;|$)/i.test(type)) throw new OAuthError(code, "Send the request body as application/json");
  const text = await readBodyText(request, limit);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new OAuthError(code, "The request body is not valid JSON");
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) throw new OAuthError(code, "The request body must be a JSON object");
  return body as Record<string, unknown>;
}
