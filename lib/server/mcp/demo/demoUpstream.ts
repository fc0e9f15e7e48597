import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import type { Upstream } from "@/lib/mcp/gateway/forwardGatewayRequest";
import { createDemoMcpServer, type DemoContext } from "./createDemoMcpServer";

/**
 * The demo server as the gateway's upstream, in process (no port): each POST gets a fresh server
 * and a stateless Streamable HTTP transport (SSE answers), and sees the caller through the SDK's
 * `authInfo` (never the client's token: `token` is empty). GET and DELETE: 405, as for any
 * stateless server (no standalone stream, no session to end).
 */
export function demoUpstream(context: DemoContext): Upstream {
  return async (call) => {
    if (call.method !== "POST") {
      return Response.json({ jsonrpc: "2.0", id: null, error: { code: -32000, message: "Method not allowed: the demo server is stateless (POST only)" } }, { status: 405, headers: { allow: "POST" } });
    }
    const server = createDemoMcpServer(context);
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, keepAliveMs: 0 });
    await server.connect(transport);
    call.abort.onAbort(() => void server.close());
    const request = new Request("http://demo.gatehouse.invalid/mcp", { method: "POST", headers: call.headers, body: call.body });
    return transport.handleRequest(request, {
      authInfo: { token: "", clientId: call.caller.clientId, scopes: call.caller.scopes, expiresAt: call.caller.expiresAt, extra: { subject: call.caller.subject } },
    });
  };
}
