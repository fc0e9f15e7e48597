import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { corsPreflight } from "./corsHeaders";
import { jsonResponse } from "./jsonResponse";
import type { RouteMatch } from "./matchProtocolRoute";

/** Request bodies of protocol endpoints are small forms and JSON; larger ones are refused early. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * The longest request target (path and query) a protocol endpoint accepts: the longest legitimate
 * one is a registration URL with a 2000-character CIMD client_id. Node itself refuses a request
 * whose header section, request line included, passes 16 KiB (431, its maxHeaderSize default).
 */
const MAX_URL_LENGTH = 8192;

/**
 * Serves a protocol request straight from node:http (the lean path): converts it to a web Request,
 * runs the endpoint, and streams the Response back (SSE included) without buffering it.
 */
export async function serveProtocolRequest(req: IncomingMessage, res: ServerResponse, match: RouteMatch, origin: string): Promise<void> {
  const method = (req.method ?? "GET").toUpperCase();
  let response: Response;
  if ((req.url ?? "").length > MAX_URL_LENGTH) {
    response = jsonResponse({ error: "invalid_request", error_description: `The request URL exceeds ${MAX_URL_LENGTH} characters` }, { status: 414 });
    req.resume();
  } else if (method === "OPTIONS") {
    response = corsPreflight(Object.keys(match.route.methods).join(", "));
  } else {
    const endpoint = match.route.methods[method as keyof typeof match.route.methods];
    if (!endpoint) {
      response = jsonResponse(
        { error: "invalid_request", error_description: `${method} is not supported here; use ${Object.keys(match.route.methods).join(" or ")}` },
        { status: 405, headers: { allow: `${Object.keys(match.route.methods).join(", ")}, OPTIONS` } },
      );
    } else {
      const declared = Number(req.headers["content-length"] ?? 0);
      if (declared > MAX_BODY_BYTES) {
        response = jsonResponse({ error: "invalid_request", error_description: `The request body exceeds ${MAX_BODY_BYTES} bytes` }, { status: 413 });
        req.resume();
      } else {
        const headers = new Headers();
        for (const [name, value] of Object.entries(req.headers)) {
          if (value === undefined) continue;
          for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
        }
        const hasBody = method !== "GET" && method !== "HEAD";
        // Aborted when the client goes away before the answer is complete, so an endpoint waiting
        // on an upstream (the gateway) stops waiting too.
        const gone = new AbortController();
        res.on("close", () => {
          if (!res.writableFinished) gone.abort();
        });
        const request = new Request(new URL(req.url ?? "/", origin), {
          method,
          headers,
          signal: gone.signal,
          body: hasBody ? (Readable.toWeb(req) as ReadableStream) : undefined,
          duplex: hasBody ? "half" : undefined,
        } as RequestInit);
        response = await endpoint(request, match.params);
      }
    }
  }
  const headers: Record<string, string | string[]> = {};
  response.headers.forEach((value, name) => {
    headers[name] = name === "set-cookie" ? response.headers.getSetCookie() : value;
  });
  // JSON answers must never be sniffed into something a browser would render or run.
  headers["x-content-type-options"] ??= "nosniff";
  res.writeHead(response.status, headers);
  // An event stream may stay quiet a long time before its first event: send the headers now so the
  // client knows the stream is open (Streamable HTTP GET).
  if (response.headers.get("content-type")?.startsWith("text/event-stream")) res.flushHeaders();
  if (!response.body) {
    res.end();
    return;
  }
  const body = Readable.fromWeb(response.body as never);
  res.on("close", () => body.destroy());
  body.pipe(res);
}
