import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { receivedBodies } from "./receivedBodies";

/**
 * The request body as text, refused with 413 past `limit` bytes while it streams in (a chunked
 * body has no Content-Length to check up front).
 */
export async function readBodyText(request: Request, limit: number): Promise<string> {
  const tooLarge = () => new OAuthError("invalid_request", `The request body exceeds ${limit} bytes`, { status: 413 });
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
  const received = receivedBodies.get(request);
  if (received) {
    if (received.byteLength > limit) throw tooLarge();
    return Buffer.from(received.buffer, received.byteOffset, received.byteLength).toString("utf8");
  }
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
