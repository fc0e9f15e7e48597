import type { IncomingMessage, ServerResponse } from "node:http";
import { pipeline, Readable } from "node:stream";
import { corsPreflight } from "./corsHeaders";
import { jsonResponse } from "./jsonResponse";
import type { RouteMatch } from "./matchProtocolRoute";
import { receivedBodies } from "./receivedBodies";
import { sentBodies } from "./sentBodies";

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
 * runs the endpoint, and writes the Response back.
 *
 * The body is read here, whole, before the endpoint runs (every protocol body is small, and a web
 * stream over the socket costs more than the request's own work). Past MAX_BODY_BYTES reading
 * stops and the endpoint gets the first MAX_BODY_BYTES + 1 bytes: its own size check refuses them
 * in its own error format (OAuth JSON, or JSON-RPC at the gateway). An answer is written in one
 * piece, except an event stream and the answers of a route that streams them (the gateway's),
 * which go out as they come.
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
      req.resume();
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
        const body = hasBody ? await readCappedBody(req, MAX_BODY_BYTES + 1) : undefined;
        // The client went away before sending its whole body: nobody to answer.
        if (body === null) return;
        if (body && body.byteLength > MAX_BODY_BYTES) res.shouldKeepAlive = false;
        let request: Request;
        if (match.route.streamsAnswers) {
          // Aborted when the client goes away before the answer is complete, so that the gateway
          // stops waiting on its upstream too.
          const gone = new AbortController();
          res.on("close", () => {
            if (!res.writableFinished) gone.abort();
          });
          request = new Request(new URL(req.url ?? "/", origin), { method, headers, signal: gone.signal, body });
        } else {
          // Endpoints that answer from memory and the database: no signal to wire, and the body
          // reaches readBodyText directly instead of through a web stream (receivedBodies).
          request = new Request(new URL(req.url ?? "/", origin), { method, headers });
          if (body) receivedBodies.set(request, body);
        }
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
  if (!response.body) {
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  const eventStream = response.headers.get("content-type")?.startsWith("text/event-stream") ?? false;
  if (!eventStream && !match.route.streamsAnswers) {
    const text = sentBodies.get(response);
    const payload = text === undefined ? Buffer.from(await response.arrayBuffer()) : Buffer.from(text);
    headers["content-length"] = String(payload.byteLength);
    res.writeHead(response.status, headers);
    res.end(payload);
    return;
  }
  res.writeHead(response.status, headers);
  // An event stream may stay quiet a long time before its first event: send the headers now so the
  // client knows the stream is open (Streamable HTTP GET).
  if (eventStream) res.flushHeaders();
  // A stream that fails midway (an upstream cutting its answer short) ends the client's answer
  // abruptly, so that a truncated body never looks complete.
  pipeline(Readable.fromWeb(response.body as never), res, (error) => {
    if (error) res.destroy();
  });
}

/**
 * The request body, at most `cap` bytes of it (the rest is read and dropped), or null when the
 * connection closed before the body ended.
 */
function readCappedBody(req: IncomingMessage, cap: number): Promise<Uint8Array<ArrayBuffer> | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      const body = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
      resolve(new Uint8Array(body.buffer as ArrayBuffer, body.byteOffset, body.byteLength));
    };
    req.on("data", (chunk: Buffer) => {
      if (size >= cap) return;
      const room = cap - size;
      chunks.push(chunk.byteLength > room ? chunk.subarray(0, room) : chunk);
      size += Math.min(chunk.byteLength, room);
      // Over the limit: answer now (the endpoint refuses it) rather than after the whole body;
      // the rest is read and dropped, and the connection closes after the answer.
      if (size >= cap) finish();
    });
    req.on("end", finish);
    req.on("close", () => {
      if (!req.complete && !done) resolve(null);
    });
    req.on("error", () => {
      if (!done) resolve(null);
    });
  });
}
