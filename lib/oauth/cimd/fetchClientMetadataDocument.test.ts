import { describe, expect, it } from "vitest";
import { asyncRefusal } from "../test/refusal";
import { FixedClock } from "../test/memoryStores";
import { fetchClientMetadataDocument, type FetchClientMetadataDocumentPorts } from "./fetchClientMetadataDocument";

const URL_ = "https://app.example/client.json";
const NOW = new Date("2026-01-01T00:00:00Z");
const doc = { client_id: URL_, client_name: "App", redirect_uris: ["http://127.0.0.1/cb"], token_endpoint_auth_method: "none" };

function ports(overrides: Partial<FetchClientMetadataDocumentPorts> = {}, calls: { url: string; addresses: readonly string[] }[] = []) {
  return {
    resolve: async () => ["93.184.216.34"],
    fetch: async (url: string, init: { addresses: readonly string[] }) => {
      calls.push({ url, addresses: init.addresses });
      return Response.json(doc, { headers: { "cache-control": "public, max-age=600" } });
    },
    clock: new FixedClock(NOW),
    ...overrides,
  } satisfies FetchClientMetadataDocumentPorts;
}

const respond = (response: () => Response | Promise<Response>) => ports({ fetch: async () => response() });

describe("fetchClientMetadataDocument", () => {
  it("fetches from the resolved public addresses, validates, and honors max-age", async () => {
    const calls: { url: string; addresses: readonly string[] }[] = [];
    const result = await fetchClientMetadataDocument(URL_, ports({}, calls));
    expect(calls).toEqual([{ url: URL_, addresses: ["93.184.216.34"] }]);
    expect(result.metadata).toMatchObject({ client_name: "App", token_endpoint_auth_method: "none" });
    expect(result.expiresAt).toEqual(new Date(NOW.getTime() + 600_000));
  });

  it.each([
    [undefined, 3600],
    ["max-age=5", 60],
    ["max-age=999999", 86400],
    ["no-store", 0],
    ["private, no-cache", 0],
  ])("cache-control %j -> refetch after %d s", async (cacheControl, seconds) => {
    const headers: Record<string, string> = cacheControl ? { "cache-control": cacheControl } : {};
    const result = await fetchClientMetadataDocument(URL_, respond(() => Response.json(doc, { headers })));
    expect(result.expiresAt).toEqual(new Date(NOW.getTime() + seconds * 1000));
  });

  it.each<[string, Partial<FetchClientMetadataDocumentPorts>, string]>([
    ["a host resolving to loopback", { resolve: async () => ["127.0.0.1"] }, "the client metadata document's host is not on the public Internet"],
    ["a host with one private address among public ones", { resolve: async () => ["93.184.216.34", "10.0.0.5"] }, "the client metadata document's host is not on the public Internet"],
    ["a host resolving to cloud metadata", { resolve: async () => ["169.254.169.254"] }, "the client metadata document's host is not on the public Internet"],
    ["a host resolving to IPv4-mapped IPv6", { resolve: async () => ["::ffff:10.0.0.1"] }, "the client metadata document's host is not on the public Internet"],
    ["a host resolving to nothing", { resolve: async () => [] }, "the client metadata document's host could not be resolved"],
    ["a DNS failure", { resolve: async () => Promise.reject(new Error("ENOTFOUND")) }, "the client metadata document's host could not be resolved"],
    ["a network failure", { fetch: async () => Promise.reject(new Error("ECONNRESET")) }, "the client metadata document could not be fetched"],
    ["a redirect", { fetch: async () => new Response(null, { status: 302, headers: { location: "http://169.254.169.254/" } }) }, "the client metadata document URL redirects; redirects are not followed"],
    ["a 404", { fetch: async () => new Response("no", { status: 404 }) }, "the client metadata document URL answered HTTP 404"],
    ["a declared oversize body", { fetch: async () => new Response("{}", { headers: { "content-length": "70000" } }) }, "the client metadata document is larger than 65536 bytes"],
    ["an oversize streamed body", { fetch: async () => new Response(JSON.stringify({ ...doc, pad: "x".repeat(70_000) })) }, "the client metadata document is larger than 65536 bytes"],
    ["invalid JSON", { fetch: async () => new Response("{not json") }, "the client metadata document is not valid JSON"],
    ["invalid UTF-8", { fetch: async () => new Response(new Uint8Array([0x7b, 0xff, 0x7d])) }, "the client metadata document is not valid JSON"],
    ["a document for another URL", { fetch: async () => Response.json({ ...doc, client_id: "https://evil.example/client.json" }) }, "the client metadata document's client_id must equal the URL it was fetched from"],
  ])("refuses %s", async (_case, overrides, description) => {
    expect(await asyncRefusal(() => fetchClientMetadataDocument(URL_, ports(overrides)))).toEqual({
      error: "invalid_client_metadata",
      error_description: description,
      status: 400,
    });
  });

  it("checks an IP-literal host without resolving it", async () => {
    const resolved: string[] = [];
    const guarded = ports({ resolve: async (host) => (resolved.push(host), ["93.184.216.34"]) });
    expect(await asyncRefusal(() => fetchClientMetadataDocument("https://[::1]/client.json", guarded))).toMatchObject({
      error_description: "the client metadata document's host is not on the public Internet",
    });
    expect(await asyncRefusal(() => fetchClientMetadataDocument("https://10.1.2.3/client.json", guarded))).toMatchObject({
      error_description: "the client metadata document's host is not on the public Internet",
    });
    expect(resolved).toEqual([]);
  });

  it("gives up after the timeout", async () => {
    const slow = ports({
      fetch: (_url, init) =>
        new Promise((_resolve, reject) => init.signal.addEventListener("abort", () => reject(init.signal.reason))),
    });
    expect(await asyncRefusal(() => fetchClientMetadataDocument(URL_, slow, { timeoutMs: 20 }))).toMatchObject({
      error_description: "the client metadata document could not be fetched",
    });
  });

  it("refuses an invalid client id URL without any network access", async () => {
    const calls: { url: string; addresses: readonly string[] }[] = [];
    expect(await asyncRefusal(() => fetchClientMetadataDocument("http://app.example/client.json", ports({}, calls)))).toMatchObject({
      error: "invalid_client_metadata",
    });
    expect(calls).toEqual([]);
  });
});
