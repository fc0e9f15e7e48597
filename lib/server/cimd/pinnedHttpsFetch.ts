import { request } from "node:https";
import type { LookupFunction } from "node:net";
import { Readable } from "node:stream";

/**
 * The fetch port of fetchClientMetadataDocument: one HTTPS GET that connects only to the
 * addresses already checked (the socket's DNS lookup is answered from that list), so a DNS answer
 * that changes after the check cannot redirect the request inside the network (DNS rebinding).
 * Redirects are returned, not followed. `ca` adds trusted certificates (tests).
 */
export function pinnedHttpsFetch(options: { ca?: string } = {}) {
  return (url: string, init: { addresses: readonly string[]; signal: AbortSignal; headers: Record<string, string> }): Promise<Response> =>
    new Promise((resolve, reject) => {
      const lookup: LookupFunction = (_hostname, lookupOptions, callback) => {
        const address = init.addresses[0]!;
        const family = address.includes(":") ? 6 : 4;
        if ((lookupOptions as { all?: boolean }).all) (callback as unknown as (e: null, a: { address: string; family: number }[]) => void)(null, init.addresses.map((a) => ({ address: a, family: a.includes(":") ? 6 : 4 })));
        else callback(null, address, family);
      };
      const req = request(url, { method: "GET", headers: { ...init.headers, "user-agent": "Gatehouse (client metadata fetcher)" }, lookup, signal: init.signal, ca: options.ca }, (res) => {
        const headers = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
        }
        const status = res.statusCode ?? 502;
        const body = status === 204 || status === 304 ? null : (Readable.toWeb(res) as ReadableStream<Uint8Array>);
        resolve(new Response(body, { status, headers }));
      });
      req.on("error", reject);
      req.end();
    });
}
