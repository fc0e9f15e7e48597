import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRequestListener } from "@/lib/server/http/createRequestListener";

/**
 * Pages are Next's; when one fails while the database is known to be unreachable, the front door
 * turns Next's 500 into a 503 with Retry-After (the soak run saw the consent page fail so during a
 * PostgreSQL restart).
 */
let server: Server;
let origin: string;
let unreachable = false;

beforeAll(async () => {
  server = createServer(
    createRequestListener(
      "http://127.0.0.1",
      async (req, res) => {
        res.statusCode = req.url === "/fails" ? 500 : 200;
        res.end(req.url === "/fails" ? "Internal Server Error" : "ok");
      },
      { databaseUnreachable: () => unreachable },
    ),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

describe("a page failing during a database outage", () => {
  it.each([
    ["reachable, failing page", false, "/fails", 500, null],
    ["unreachable, failing page", true, "/fails", 503, "5"],
    ["unreachable, working page", true, "/works", 200, null],
  ])("%s", async (_name, down, path, status, retryAfter) => {
    unreachable = down;
    const response = await fetch(`${origin}${path}`);
    expect(response.status).toBe(status);
    expect(response.headers.get("retry-after")).toBe(retryAfter);
    expect(response.headers.get("content-security-policy")).toContain("default-src");
  });
});
