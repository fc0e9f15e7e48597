import { mkdtempSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadConfig } from "@/lib/server/config/loadConfig";
import { createRequestListener } from "@/lib/server/http/createRequestListener";
import { jsonResponse } from "@/lib/server/http/jsonResponse";
import { openTestDatabase, TEST_SECRET_KEY, type TestDatabase } from "./testDatabase";

export interface TestServer {
  origin: string;
  db: TestDatabase;
  close(): Promise<void>;
}

/**
 * Gatehouse's own front door (the lean protocol path, exactly as in production) on a random
 * loopback port, over a fresh database. Paths that production hands to Next answer 404 here;
 * those are covered by the Playwright tests against the real build.
 */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const db = await openTestDatabase();
  let origin = "";
  const server: Server = createServer((req, res) =>
    createRequestListener(origin, async (_req, r) => {
      const notFound = jsonResponse({ error: "not_found" }, { status: 404 });
      r.writeHead(notFound.status, Object.fromEntries(notFound.headers));
      r.end(await notFound.text());
    })(req, res),
  );
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const globals = globalThis as Record<string, unknown>;
  globals.__gatehouseConfig = loadConfig(
    { PUBLIC_URL: origin, GATEHOUSE_SECRET_KEY: TEST_SECRET_KEY, GATEHOUSE_SESSION_SECRET: TEST_SECRET_KEY, ...env },
    mkdtempSync(path.join(tmpdir(), "gh-server-")),
  );
  globals.__gatehouseDatabase = Promise.resolve(db);
  globals.__gatehouseOAuthRuntime = undefined;
  return {
    origin,
    db,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
      await db.close();
    },
  };
}
