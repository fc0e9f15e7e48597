import { GatewayError, JsonRpcCode } from "../jsonrpc/GatewayError";

/**
 * The request body as text, refused with 413 (and a JSON-RPC error) past `limit` bytes: checked on
 * Content-Length up front and again while a chunked body streams in.
 */
export async function readRequestBody(request: Request, limit: number): Promise<string> {
  const tooLarge = () => new GatewayError(413, JsonRpcCode.invalidRequest, `Invalid Request: the body exceeds ${limit} bytes`);
  if (Number(request.headers.get("content-length") ?? 0) > limit) throw tooLarge();
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
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(body);
}
