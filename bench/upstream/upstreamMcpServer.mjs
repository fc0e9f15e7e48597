// The MCP server behind the gateway in the benchmark, and the one called directly for comparison:
// a real server made with the official SDK, in its stateless Streamable HTTP mode with JSON
// answers (a new McpServer and transport per request, the SDK's documented stateless pattern), one
// tool `echo`. Stateless, so every tools/call stands alone and needs no initialize round trip.
// Started by bench/run.ts as `node bench/upstream/upstreamMcpServer.mjs <port>`; prints "ready <url>".
import { createServer } from "node:http";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

const port = Number(process.argv[2]);

function newServer() {
  const server = new McpServer({ name: "bench-upstream", version: "1.0.0" });
  server.registerTool("echo", { description: "Answers with its input", inputSchema: { text: z.string() } }, async ({ text }) => ({
    content: [{ type: "text", text }],
  }));
  return server;
}

const http = createServer(async (req, res) => {
  if (req.method !== "POST") {
    res.writeHead(405, { allow: "POST" }).end();
    return;
  }
  const server = newServer();
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  res.on("close", () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(req, res);
});
http.keepAliveTimeout = 30_000;
http.listen(port, "127.0.0.1", () => console.log(`ready http://127.0.0.1:${port}/mcp`));
process.on("SIGTERM", () => http.close(() => process.exit(0)));
