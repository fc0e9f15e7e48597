import { request } from "node:http";
import { afterAll, beforeAll, expect, it } from "vitest";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

let server: TestServer;
let org: SeededOrg;
beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
});
afterAll(() => server.close());

/**
 * A chunked body that passes the 1 MiB limit and never ends: the answer (413 in the endpoint's own
 * format) comes as soon as the limit is passed, not when the client stops sending, and the
 * connection is closed after it.
 */
it("answers 413 to a body over the limit while the client is still sending it", async () => {
  const url = new URL(`${server.origin}/orgs/${org.slug}/api/v1/oauth/token`);
  const answer = await new Promise<{ status: number; connection: string | undefined; body: string }>((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" } }, (res) => {
      let body = "";
      res.on("data", (chunk) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, connection: res.headers.connection, body }));
    });
    req.on("error", reject);
    req.write(`grant_type=client_credentials&x=${"a".repeat(1024 * 1024 + 10)}`);
    // Never ended: only the answer can finish this test.
  });
  expect(answer.status).toBe(413);
  expect(answer.connection).toBe("close");
  expect(JSON.parse(answer.body)).toEqual({ error: "invalid_request", error_description: "The request body exceeds 65536 bytes" });
});
