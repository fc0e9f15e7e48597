import { invalidRequest } from "@/lib/oauth/errors/OAuthError";
import { readBodyText } from "./readBodyText";

/** RFC 6749 §3.2: token, introspection and revocation requests are application/x-www-form-urlencoded. */
export async function readFormBody(request: Request, limit = 64 * 1024): Promise<URLSearchParams> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/x-www-form-urlencoded\s*(;|$)/i.test(type)) {
    throw invalidRequest("Send the parameters as application/x-www-form-urlencoded in the request body");
  }
  return new URLSearchParams(await readBodyText(request, limit));
}
