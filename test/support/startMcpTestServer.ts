import { configureGateway } from "@/lib/server/mcp/McpRuntime";
import { startTestServer as startLean, type TestServer } from "./startTestServer";
import { TEST_SECRET_KEY } from "./testDatabase";

export type { TestServer };
export const TEST_SECRET_KEY_FOR_MCP = TEST_SECRET_KEY;

/** startTestServer, with the gateway's limits for tests (a short upstream timeout). */
export async function startTestServer(options: { upstreamTimeoutMs?: number } = {}): Promise<TestServer> {
  const server = await startLean();
  await configureGateway({ upstreamTimeoutMs: options.upstreamTimeoutMs ?? 5_000 });
  return server;
}
