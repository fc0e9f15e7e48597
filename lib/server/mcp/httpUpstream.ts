import { type IncomingMessage, request as httpRequest, type RequestOptions } from "node:http";
import { request as httpsRequest } from "node:https";
import type { Readable } from "node:stream";
import { createBrotliDecompress, createGunzip, createInflate } from "node:zlib";
import type { Upstream, UpstreamCall, UpstreamResponse } from "@/lib/mcp/gateway/forwardGatewayRequest";
import { readableStreamOf } from "./readableStreamOf";
import { upstreamAgent } from "./upstreamAgent";

/** Answers up to this size (by Content-Length, not SSE) are read whole before they are handed over. */
const WHOLE_BODY_BYTES = 64 * 1024;

const DECODERS: Record<string, () => NodeJS.ReadWriteStream> = { gzip: createGunzip, "x-gzip": createGunzip, deflate: createInflate, br: createBrotliDecompress };

/**
 * An MCP server over HTTP (Streamable HTTP) as the gateway's upstream, called over node:http(s)
 * with a shared keep-alive agent (upstreamAgent): no connection set-up per call, and none of
 * fetch's per-request machinery. The admin's static credential, when set, is the Authorization
 * header value; otherwise the upstream gets no Authorization at all. Redirects are not followed
 * (they come back as the upstream's answer).
 *
 * - The call's abort (timeout, client gone) destroys the request: the connection is closed, never
 *   returned to the pool with an answer half read.
 * - A short answer (Content-Length at most 64 KiB, not an event stream) is read whole before it is
 *   handed over, so it costs no stream; the connection closing before it is complete fails the
 *   call (the gateway's 502). Longer answers and event streams are handed over as they arrive;
 *   an event stream the upstream cuts short ends there (readableStreamOf), another body fails.
 * - The upstream is asked for no content coding (`identity`); one that compresses anyway is
 *   decoded (gzip, deflate, br); another coding fails the call.
 * - A GET or DELETE sent on a pooled connection the upstream had just closed is sent once more on
 *   a new one (Node's documented `reusedSocket` case); a POST is not (a tool call is not
 *   idempotent): the client gets a 502 and decides.
 */
export function httpUpstream(url: string, credential: string | null): Upstream {
  const target = new URL(url);
  const https = target.protocol === "https:";
  const base: RequestOptions = {
    protocol: target.protocol,
    hostname: target.hostname.startsWith("[") ? target.hostname.slice(1, -1) : target.hostname,
    port: target.port === "" ? undefined : Number(target.port),
    path: `${target.pathname}${target.search}`,
    agent: upstreamAgent(https),
  };
  return (call) => send(base, https, call, credential, call.method !== "POST");
}

function send(base: RequestOptions, https: boolean, call: UpstreamCall, credential: string | null, retryable: boolean): Promise<UpstreamResponse> {
  return new Promise((resolve, reject) => {
    if (call.abort.aborted) {
      reject(call.abort.reason);
      return;
    }
    const headers: Record<string, string | number> = { ...call.headers, "accept-encoding": "identity" };
    if (credential !== null) headers.authorization = credential;
    if (call.body !== undefined) headers["content-length"] = Buffer.byteLength(call.body);
    const request = (https ? httpsRequest : httpRequest)({ ...base, method: call.method, headers });
    let settled = false;
    const done = call.abort.onAbort((reason) => request.destroy(reason));
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      done();
      reject(error);
    };

    request.on("error", (error: NodeJS.ErrnoException) => {
      if (settled) return;
      if (retryable && request.reusedSocket && !call.abort.aborted && (error.code === "ECONNRESET" || error.code === "EPIPE")) {
        settled = true;
        done();
        send(base, https, call, credential, false).then(resolve, reject);
        return;
      }
      fail(error);
    });
    request.on("response", (response) => {
      const status = response.statusCode ?? 502;
      const get = (name: string) => headerValue(response, name);
      const coding = (get("content-encoding") ?? "identity").trim().toLowerCase();
      const decoder = coding === "identity" ? null : DECODERS[coding];
      if (decoder === undefined) {
        response.destroy();
        fail(new Error(`the upstream answered with the content coding "${coding.slice(0, 40)}"`));
        return;
      }
      const length = Number(get("content-length") ?? NaN);
      const eventStream = (get("content-type") ?? "").toLowerCase().startsWith("text/event-stream");
      if (decoder === null && (length === 0 || status === 204 || status === 304)) {
        response.resume();
        settled = true;
        done();
        resolve({ status, headers: { get }, body: null });
        return;
      }
      if (decoder === null && !eventStream && length <= WHOLE_BODY_BYTES) {
        readWhole(response, length).then((body) => {
          if (settled) return;
          settled = true;
          done();
          resolve({ status, headers: { get }, body });
        }, fail);
        return;
      }
      settled = true;
      const source: Readable = decoder === null ? response : (response.pipe(decoder()) as unknown as Readable);
      if (decoder !== null) response.on("error", (error) => source.destroy(error));
      // The client going away later cancels the body, which destroys the response and its connection.
      source.on("close", done);
      resolve({ status, headers: { get }, body: readableStreamOf(source, { endOnPrematureClose: eventStream }) });
    });
    request.end(call.body);
  });
}

function headerValue(response: IncomingMessage, name: string): string | null {
  const value = response.headers[name];
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(", ") : value;
}

function readWhole(response: IncomingMessage, length: number): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    response.on("data", (chunk: Buffer) => chunks.push(chunk));
    response.on("end", () => resolve(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, length)));
    response.on("error", reject);
    response.on("close", () => {
      if (!response.complete) reject(new Error("the upstream closed the connection before its answer was complete"));
    });
  });
}
