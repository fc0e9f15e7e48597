import type { ServerResponse } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { type DocumentServer, startDocumentServer } from "../support/startDocumentServer";
import { setUpWorld } from "./securityFixtures";

// Hostile Client ID Metadata Documents (CIMD draft; RFC 9700 §4.16): redirects, slow and huge
// answers, documents claiming secrets. Served on 127.0.0.1, so loopback is allowed here
// (GATEHOUSE_CIMD_ALLOW_LOOPBACK); private and link-local addresses stay refused even then.
const world = setUpWorld({ GATEHOUSE_CIMD_ALLOW_LOOPBACK: "true" });
let docs: DocumentServer;
const stalled: ServerResponse[] = [];

beforeAll(async () => {
  docs = await startDocumentServer((req, res, origin) => {
    const document = (extra: Record<string, unknown> = {}) => JSON.stringify({ client_id: `${origin}${req.url}`, redirect_uris: ["http://127.0.0.1/callback"], ...extra });
    const redirect = /^\/redirect-(\d{3})\.json$/.exec(req.url ?? "");
    if (redirect) return void res.writeHead(Number(redirect[1]), { location: `${origin}/good.json` }).end();
    switch (req.url) {
      case "/silent.json": // accepts the connection and never answers
        stalled.push(res);
        return;
      case "/trickle.json": // answers, then sends the body one byte every second
        res.writeHead(200, { "content-type": "application/json" });
        res.write("{");
        stalled.push(res);
        {
          const timer = setInterval(() => (res.writableEnded || res.destroyed ? clearInterval(timer) : res.write(" ")), 1000);
          res.on("close", () => clearInterval(timer));
        }
        return;
      case "/chunked-huge.json": // no Content-Length; streams 1 MiB
        res.writeHead(200, { "content-type": "application/json" });
        for (let i = 0; i < 64; i++) res.write(`${i === 0 ? '{"padding":"' : ""}${"x".repeat(16 * 1024)}`);
        return void res.end('"}');
      case "/lying-length.json": // declares 100 bytes, sends 200 KiB
        res.writeHead(200, { "content-type": "application/json", "content-length": "100" });
        return void res.end("x".repeat(200 * 1024));
      case "/secret.json":
        return void res.writeHead(200, { "content-type": "application/json" }).end(document({ client_secret: "s3cret" }));
      case "/confidential.json":
        return void res.writeHead(200, { "content-type": "application/json" }).end(document({ token_endpoint_auth_method: "client_secret_basic" }));
      case "/javascript.json":
        return void res.writeHead(200, { "content-type": "application/json" }).end(document({ redirect_uris: ["javascript:alert(1)"] }));
      case "/machine.json":
        return void res.writeHead(200, { "content-type": "application/json" }).end(document({ grant_types: ["client_credentials"], redirect_uris: [] }));
      case "/not-json.json":
        return void res.writeHead(200, { "content-type": "text/html" }).end("<html>hello</html>");
      default:
        return void res.writeHead(404).end();
    }
  });
  (globalThis as Record<string, unknown>).__gatehouseCimdTestCa = docs.ca;
});
afterAll(async () => {
  for (const res of stalled) res.destroy();
  await docs.close();
});

async function attempt(clientId: string) {
  const runtime = await getOAuthRuntime();
  const query = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: "http://127.0.0.1:5000/callback", code_challenge: "a".repeat(43), code_challenge_method: "S256" });
  return prepareAuthorization(runtime, world.org.slug, query, { ...world.owner, name: null });
}
const refusal = async (clientId: string) => {
  const step = await attempt(clientId);
  return step.kind === "error-page" ? step.error.toResponseBody() : step.kind;
};

describe("hostile client metadata documents", () => {
  it.each(["301", "303", "307", "308"])("a document URL that redirects (%s) is refused, not followed", async (status) => {
    expect(await refusal(`${docs.origin}/redirect-${status}.json`)).toEqual({ error: "invalid_client_metadata", error_description: "the client metadata document URL redirects; redirects are not followed" });
  });

  it.concurrent.each([
    ["never answers", "/silent.json"],
    ["trickles its body", "/trickle.json"],
  ])("a server that %s is given up on after the 5 s timeout", async (_name, path) => {
    const started = Date.now();
    expect(await refusal(`${docs.origin}${path}`)).toEqual({ error: "invalid_client_metadata", error_description: "the client metadata document could not be fetched" });
    const elapsed = Date.now() - started;
    expect(elapsed).toBeGreaterThanOrEqual(4500);
    expect(elapsed).toBeLessThan(9000);
  });

  it.each([
    // Read as it streams and cut off at the limit.
    ["a 1 MiB document streamed without a Content-Length is cut off at 64 KiB", "/chunked-huge.json", "the client metadata document is larger than 65536 bytes"],
    // The HTTP client reads exactly Content-Length bytes, never what follows.
    ["a document longer than its Content-Length is read only that far", "/lying-length.json", "the client metadata document is not valid JSON"],
  ])("%s", async (_name, path, description) => {
    expect(await refusal(`${docs.origin}${path}`)).toEqual({ error: "invalid_client_metadata", error_description: description });
  });

  it.each([
    ["claims a client secret", "/secret.json", "invalid_client_metadata", "the client metadata document must not contain client_secret"],
    ["claims a secret-based auth method", "/confidential.json", "invalid_client_metadata", 'token_endpoint_auth_method must be "none" for a client identified by a metadata document'],
    ["registers a javascript: redirect URI", "/javascript.json", "invalid_redirect_uri", 'redirect_uris[0] "javascript:alert(1)" uses the scheme "javascript", which is not allowed'],
    ["asks for client_credentials", "/machine.json", "invalid_client_metadata", "grant_types: client_credentials is not available through open registration"],
    ["is not JSON", "/not-json.json", "invalid_client_metadata", "the client metadata document is not valid JSON"],
  ])("a document that %s is refused", async (_name, path, error, description) => {
    expect(await refusal(`${docs.origin}${path}`)).toEqual({ error, error_description: description });
  });

  it.each(["https://10.1.2.3/client.json", "https://169.254.169.254/latest/meta-data.json", "https://[fe80::1]/client.json"])(
    "a private or link-local host (%s) stays refused with loopback allowed",
    async (clientId) => {
      expect(await refusal(clientId)).toEqual({ error: "invalid_client_metadata", error_description: "the client metadata document's host is not on the public Internet" });
    },
  );

  it("no refused document left a client behind", async () => {
    expect(await world.server.db.prisma.client.count({ where: { source: "cimd" } })).toBe(0);
  });
});
