import { isIP } from "node:net";
import { invalidClientMetadata } from "../errors/OAuthError";
import type { Clock } from "../ports";
import type { ClientMetadata } from "../registration/validateClientMetadata";
import { isPublicIpAddress } from "./isPublicIpAddress";
import { validateClientIdUrl } from "./validateClientIdUrl";
import { validateClientMetadataDocument } from "./validateClientMetadataDocument";

export interface FetchClientMetadataDocumentPorts {
  /** Every address the host resolves to (e.g. dns.lookup with `all: true`). */
  resolve(hostname: string): Promise<string[]>;
  /**
   * One GET, no redirects followed. It MUST connect only to one of `addresses` (e.g. an undici
   * Agent whose `connect.lookup` returns them), otherwise a DNS answer that changes between our
   * check and the connection (DNS rebinding) would bypass the guard.
   */
  fetch(url: string, init: { addresses: readonly string[]; signal: AbortSignal; headers: Record<string, string> }): Promise<Response>;
  clock: Clock;
}

export interface FetchClientMetadataDocumentOptions {
  /** Whole request, body included. Default 5 s. */
  timeoutMs?: number;
  /** Largest accepted body. Default 64 KiB (CIMD draft suggests a small limit such as 5 KB; real documents are well under 4 KB). */
  maxBytes?: number;
  /**
   * Development only (GATEHOUSE_CIMD_ALLOW_LOOPBACK): accept hosts that resolve to loopback
   * addresses, so a document served on this machine can be tried. Private and link-local ranges
   * stay refused.
   */
  allowLoopback?: boolean;
}

export interface FetchedClientMetadata {
  metadata: ClientMetadata;
  /** When to fetch again: Cache-Control max-age clamped to [60 s, 24 h], 1 h without it, now for no-store / no-cache. */
  expiresAt: Date;
}

/**
 * Fetches and validates the Client ID Metadata Document a `client_id` URL points to:
 *
 * 1. the URL is a valid client id URL (validateClientIdUrl);
 * 2. the host is resolved and EVERY address must be public (isPublicIpAddress), so the fetch can
 *    reach no internal service (SSRF; CIMD draft Security Considerations, RFC 9700 §4.16);
 * 3. GET with `Accept: application/json`, a timeout, no redirects (a redirect could point
 *    anywhere, and the document must live at its own client id);
 * 4. status 200, body at most maxBytes, valid JSON;
 * 5. the document itself (validateClientMetadataDocument).
 *
 * Every refusal is `invalid_client_metadata`, the network detail kept as the cause.
 * Not checked: the Content-Type (some hosts serve JSON as text/plain); caching is the caller's,
 * with `expiresAt` as the hint.
 */
export async function fetchClientMetadataDocument(
  url: string,
  ports: FetchClientMetadataDocumentPorts,
  options: FetchClientMetadataDocumentOptions = {},
): Promise<FetchedClientMetadata> {
  const parsed = validateClientIdUrl(url);
  const addresses = await resolvePublicAddresses(parsed.hostname, ports, options.allowLoopback ?? false);
  const signal = AbortSignal.timeout(options.timeoutMs ?? 5000);
  const unreachable = (cause: unknown) => invalidClientMetadata("the client metadata document could not be fetched", { cause });

  let response: Response;
  try {
    response = await ports.fetch(url, { addresses, signal, headers: { accept: "application/json" } });
  } catch (cause) {
    throw unreachable(cause);
  }
  if (response.status >= 300 && response.status < 400) {
    throw invalidClientMetadata("the client metadata document URL redirects; redirects are not followed");
  }
  if (response.status !== 200) throw invalidClientMetadata(`the client metadata document URL answered HTTP ${response.status}`);

  const body = await readLimitedBody(response, options.maxBytes ?? 65536).catch((cause: unknown) => {
    throw cause instanceof Error && cause.message === "too large"
      ? invalidClientMetadata(`the client metadata document is larger than ${options.maxBytes ?? 65536} bytes`)
      : unreachable(cause);
  });
  let document: unknown;
  try {
    document = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(body));
  } catch (cause) {
    throw invalidClientMetadata("the client metadata document is not valid JSON", { cause });
  }
  const metadata = validateClientMetadataDocument(url, document);
  return { metadata, expiresAt: cacheUntil(response.headers.get("cache-control"), ports.clock.now()) };
}

async function resolvePublicAddresses(hostname: string, ports: FetchClientMetadataDocumentPorts, allowLoopback: boolean): Promise<string[]> {
  const host = hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: string[];
  try {
    addresses = isIP(host) ? [host] : await ports.resolve(host);
  } catch (cause) {
    throw invalidClientMetadata("the client metadata document's host could not be resolved", { cause });
  }
  if (addresses.length === 0) throw invalidClientMetadata("the client metadata document's host could not be resolved");
  const internal = addresses.find((address) => !isPublicIpAddress(address) && !(allowLoopback && isLoopbackAddress(address)));
  if (internal !== undefined) {
    throw invalidClientMetadata("the client metadata document's host is not on the public Internet", { cause: `${host} -> ${internal}` });
  }
  return addresses;
}

function isLoopbackAddress(address: string): boolean {
  return /^127\./.test(address) || address === "::1" || /^::ffff:127\./i.test(address);
}

async function readLimitedBody(response: Response, maxBytes: number): Promise<Uint8Array> {
  const declared = Number(response.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new Error("too large");
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new Error("too large");
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function cacheUntil(cacheControl: string | null, now: Date): Date {
  const directives = (cacheControl ?? "").toLowerCase();
  if (/(^|[\s,])(no-store|no-cache)([\s,]|$)/.test(directives)) return now;
  const maxAge = /(?:^|[\s,])max-age=(\d+)/.exec(directives)?.[1];
  const seconds = maxAge === undefined ? 3600 : Math.min(Math.max(Number(maxAge), 60), 86400);
  return new Date(now.getTime() + seconds * 1000);
}
