import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { z } from "zod";
import type { ToolScopeMap } from "@/lib/mcp/scopes/ToolScopeMap";

export interface DemoContext {
  orgName: string;
  serverName: string;
  /** The server's tool map: the gateway enforces it; the demo checks it again before admin_report. */
  toolScopes: ToolScopeMap;
}

interface Caller {
  subject: string;
  clientId: string;
  scopes: string[];
}

/**
 * The built-in demo MCP server (official SDK), answering gateway servers that have no upstream:
 * - `whoami`: the caller as the gateway verified it (subject, client, scopes);
 * - `echo`: returns its `text`;
 * - `admin_report`: needs `mcp:admin` in the default tool map, to show step-up authorization.
 * One instance per request (stateless Streamable HTTP, as the SDK recommends for stateless servers).
 */
export function createDemoMcpServer(context: DemoContext): McpServer {
  const server = new McpServer({ name: "gatehouse-demo", title: `${context.serverName} (Gatehouse demo)`, version: "1.0.0" });

  server.registerTool(
    "whoami",
    { title: "Who am I", description: "Shows who is calling: the access token's subject, client and scopes, as the gateway verified them." },
    async (extra) => text(JSON.stringify(callerOf(extra.authInfo), null, 2)),
  );

  server.registerTool(
    "echo",
    { title: "Echo", description: "Returns the text it is given.", inputSchema: { text: z.string().max(10_000).describe("The text to send back") } },
    async ({ text: value }) => text(value),
  );

  server.registerTool(
    "admin_report",
    { title: "Admin report", description: "A privileged report: needs the mcp:admin scope (ask for it when refused: step-up authorization)." },
    async (extra) => {
      const caller = callerOf(extra.authInfo);
      if (!context.toolScopes.allows("admin_report", caller.scopes)) {
        return { isError: true, content: [{ type: "text", text: `admin_report needs ${context.toolScopes.requiredScopes("admin_report").join(" ")}` }] };
      }
      return text(
        [
          `Admin report for ${context.orgName} / ${context.serverName}`,
          `Requested by ${caller.subject} through client ${caller.clientId}`,
          `Scopes in use: ${caller.scopes.join(" ")}`,
          `Generated at ${new Date().toISOString()}`,
        ].join("\n"),
      );
    },
  );
  return server;
}

function callerOf(authInfo: { clientId: string; scopes: string[]; extra?: Record<string, unknown> } | undefined): Caller {
  return { subject: String(authInfo?.extra?.subject ?? ""), clientId: authInfo?.clientId ?? "", scopes: authInfo?.scopes ?? [] };
}

function text(value: string): CallToolResult {
  return { content: [{ type: "text", text: value }] };
}
