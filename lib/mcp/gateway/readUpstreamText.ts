import type { UpstreamResponse } from "./forwardGatewayRequest";

/** An upstream answer's whole body as text (UTF-8), for callers that read it rather than pass it on. */
export async function readUpstreamText(response: UpstreamResponse): Promise<string> {
  if (response.body === null) return "";
  if (response.body instanceof Uint8Array) return new TextDecoder().decode(response.body);
  return new Response(response.body).text();
}
