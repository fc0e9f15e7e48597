import { afterAll, beforeAll, expect, it } from "vitest";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { type DocumentServer, startDocumentServer } from "../support/startDocumentServer";
import { setUpWorld } from "./securityFixtures";

// SSRF through Client ID Metadata Documents (CIMD draft, Security Considerations; RFC 9700 §4.16):
// a client_id URL whose host is, or is spelled to become, an internal address is refused before
// any connection, with an error page. Complements test/oauth/cimdGuard.test.ts (127.0.0.1,
// localhost, [::1], 10.0.0.1, 169.254.169.254).
const world = setUpWorld();
let docs: DocumentServer;
let fetched = 0;

beforeAll(async () => {
  docs = await startDocumentServer((_req, res) => {
    fetched++;
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  (globalThis as Record<string, unknown>).__gatehouseCimdTestCa = docs.ca;
});
afterAll(() => docs.close());

it.each([
  ["a private address (192.168/16)", "https://192.168.0.1/client.json"],
  ["a private address (172.16/12)", "https://172.16.5.4/client.json"],
  ["a CGNAT address (100.64/10)", "https://100.64.0.1/client.json"],
  ["the unspecified address", "https://0.0.0.0:{port}/client.json"],
  ["loopback in short form (127.1)", "https://127.1:{port}/client.json"],
  ["loopback as a decimal number", "https://2130706433:{port}/client.json"],
  ["loopback in hexadecimal", "https://0x7f000001:{port}/client.json"],
  ["loopback in octal", "https://0177.0.0.1:{port}/client.json"],
  ["another loopback address (127.2.3.4)", "https://127.2.3.4:{port}/client.json"],
  ["an IPv4-mapped IPv6 loopback", "https://[::ffff:127.0.0.1]:{port}/client.json"],
  ["an IPv4-mapped IPv6 loopback in hex", "https://[::ffff:7f00:1]:{port}/client.json"],
  ["the IPv6 unspecified address", "https://[::]:{port}/client.json"],
  ["an IPv6 link-local address", "https://[fe80::1]/client.json"],
  ["an IPv6 unique-local address", "https://[fd00::1]/client.json"],
  ["a NAT64 address of the metadata service", "https://[64:ff9b::a9fe:a9fe]/latest/meta-data.json"],
  ["a multicast address", "https://224.0.0.1/client.json"],
  ["the broadcast address", "https://255.255.255.255/client.json"],
  ["a benchmarking address (198.18/15)", "https://198.18.0.1/client.json"],
])("refuses a CIMD client_id on %s, without a request", async (_name, template) => {
  const clientId = template.replace("{port}", new URL(docs.origin).port);
  const runtime = await getOAuthRuntime();
  const query = new URLSearchParams({ response_type: "code", client_id: clientId, code_challenge: "a".repeat(43), code_challenge_method: "S256" });
  const step = await prepareAuthorization(runtime, world.org.slug, query, { ...world.owner, name: null });
  expect(step.kind === "error-page" && step.error.toResponseBody()).toEqual({ error: "invalid_client_metadata", error_description: "the client metadata document's host is not on the public Internet" });
  expect(fetched).toBe(0);
  expect(await world.server.db.prisma.client.count({ where: { source: "cimd" } })).toBe(0);
});
