import { encodeRequestBody } from "../bench/lib/encodeRequestBody";
import type { CookieJar } from "./CookieJar";
import type { SoakStats } from "./SoakStats";

export interface SoakContext {
  stats: SoakStats;
  /** The instances' origins; a request names the one it prefers by index. */
  origins: readonly string[];
  /** An answer slower than this is a hang: counted, and the request abandoned. */
  timeoutMs: number;
}

export interface SoakRequestInit {
  /** The label the summary counts this request under. */
  step: string;
  path: string;
  method?: string;
  form?: Record<string, string>;
  json?: unknown;
  headers?: Record<string, string>;
  cookies?: CookieJar;
  /**
   * The request spends a one-time credential (a code exchange, a refresh). When its answer is lost
   * (connection cut, no answer in time), sending it again could replay a credential the server did
   * accept, which the server rightly treats as theft: such a request is not re-sent, the flow gets
   * an AmbiguousOutcome and decides.
   */
  spendsCredential?: boolean;
  /** Give up retrying after this moment (performance.now()). */
  deadline: number;
}

export interface SoakAnswer {
  status: number;
  headers: Headers;
  text: string;
  /** The index of the instance that answered. */
  instance: number;
}

/** A one-time credential was sent and no answer came back: it may or may not have been spent. */
export class AmbiguousOutcome extends Error {}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Sends one request of a flow the way a well-behaved client does through outages:
 * - `503`: waits what `Retry-After` says (RFC 9110 §10.2.3; its absence is counted as a failure of
 *   the server) and sends the same request again;
 * - connection refused (the instance is down): tries the other instance half a second later, as a
 *   load balancer would;
 * - any other 5xx: counted (a 500 is never acceptable), retried a second later;
 * - connection cut or no answer within the timeout: counted; re-sent unless it spends a credential.
 * Every other answer is returned. Past `deadline` the step fails.
 */
export async function soakRequest(ctx: SoakContext, preferred: number, init: SoakRequestInit): Promise<SoakAnswer> {
  let instance = preferred % ctx.origins.length;
  const { stats } = ctx;
  for (;;) {
    if (performance.now() > init.deadline) throw new Error(`${init.step}: no usable answer before the flow's deadline`);
    const { contentType, body } = encodeRequestBody(init);
    const headers: Record<string, string> = { ...init.headers, ...(contentType ? { "content-type": contentType } : {}) };
    if (init.cookies) headers.cookie = init.cookies.header();
    const started = performance.now();
    try {
      const response = await fetch(`${ctx.origins[instance]}${init.path}`, {
        method: init.method ?? (body === undefined ? "GET" : "POST"),
        headers,
        body,
        redirect: "manual",
        signal: AbortSignal.timeout(ctx.timeoutMs),
      });
      const text = await response.text();
      const ms = performance.now() - started;
      stats.answered(init.step, response.status, ms);
      init.cookies?.store(response.headers.getSetCookie());
      if (response.status === 503) {
        const retryAfter = Number(response.headers.get("retry-after"));
        if (!(retryAfter >= 0)) {
          stats.missingRetryAfter++;
          stats.failed("503 without Retry-After", `${init.step} on instance ${instance}: ${text.slice(0, 200)}`);
        }
        await sleep(Math.min(retryAfter >= 0 ? retryAfter : 1, 10) * 1000);
        continue;
      }
      if (response.status >= 500) {
        stats.failed(`${response.status} (5xx other than 503)`, `${init.step} on instance ${instance}: ${text.slice(0, 300)}`);
        await sleep(1000);
        continue;
      }
      return { status: response.status, headers: response.headers, text, instance };
    } catch (error) {
      const kind = classify(error);
      stats.failed(kind, `${init.step} on instance ${instance}: ${describe(error)}`);
      if (kind === "connection refused") {
        await sleep(500);
        instance = (instance + 1) % ctx.origins.length;
        continue;
      }
      if (init.spendsCredential) throw new AmbiguousOutcome(`${init.step}: ${kind}`);
      await sleep(500);
      instance = (instance + 1) % ctx.origins.length;
    }
  }
}

function classify(error: unknown): string {
  const e = error as { name?: string; cause?: { code?: string; name?: string } };
  if (e.name === "TimeoutError" || e.cause?.name === "TimeoutError") return "timeout (no answer in time)";
  if (e.cause?.code === "ECONNREFUSED") return "connection refused";
  return "connection cut";
}

function describe(error: unknown): string {
  const e = error as { message?: string; cause?: { code?: string; message?: string } };
  return [e.message, e.cause?.code, e.cause?.message].filter(Boolean).join(": ");
}
