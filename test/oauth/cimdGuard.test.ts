import { afterAll, beforeAll, expect, it } from "vitest";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { type DocumentServer, startDocumentServer } from "../support/startDocumentServer";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

let server: TestServer;
let docs: DocumentServer;
let org: SeededOrg;
let fetched = 0;

beforeAll(async () => {
  docs = await startDocumentServer((_req, res) => {
    fetched++;
    res.writeHead(200, { "content-type": "application/json" }).end("{}");
  });
  // The default: GATEHOUSE_CIMD_ALLOW_LOOPBACK is off.
  server = await startTestServer();
  (globalThis as Record<string, unknown>).__gatehouseCimdTestCa = docs.ca;
  org = await seedOrg(server.db.prisma);
});
afterAll(async () => {
  await server.close();
  await docs.close();
});

it.each(["https://127.0.0.1:{port}/client.json", "https://localhost:{port}/client.json", "https://[::1]:{port}/client.json", "https://10.0.0.1/client.json", "https://169.254.169.254/latest/meta-data.json"])(
  "refuses to fetch a metadata document from %s (SSRF guard) without sending a request",
  async (template) => {
    const clientId = template.replace("{port}", new URL(docs.origin).port);
    const runtime = await getOAuthRuntime();
    const step = await prepareAuthorization(runtime, org.slug, new URLSearchParams({ response_type: "code", client_id: clientId, code_challenge: "a".repeat(43), code_challenge_method: "S256" }), { id: org.ownerId, email: org.ownerEmail, name: null });
    expect(step.kind === "error-page" && step.error.toResponseBody()).toEqual({ error: "invalid_client_metadata", error_description: "the client metadata document's host is not on the public Internet" });
    expect(fetched).toBe(0);
  },
);
