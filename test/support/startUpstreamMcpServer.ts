import { randomUUID } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { StreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/streamableHttp.js";
import { z } from "zod";

export interface SeenRequest {
  method: string;
  headers: IncomingHttpHeaders;
}

export interface UpstreamMcpServer {
  url: string;
  /** Every request the upstream received, in order. */
  seen: SeenRequest[];
  /** How many GET streams the upstream saw closed (by the gateway going away). */
  closedGetStreams(): number;
  /** Sends a tools/list_changed notification on a session's standalone (GET) stream. */
  notify(sessionId: string): void;
  sessions(): string[];
  close(): Promise<void>;
}

/**
 * A real MCP server made with the official SDK, stateful Streamable HTTP (sessions, SSE answers;
 * or JSON answers with `json: true`), on a random loopback port: the gateway's upstream in tests.
 * Tools: `ping` (no scope), `read_data`, `delete_data`, `slow` (a progress notification, then the
 * result, over SSE).
 */
export async function startUpstreamMcpServer(options: { json?: boolean } = {}): Promise<UpstreamMcpServer> {
  const seen: SeenRequest[] = [];
  const transports = new Map<string, StreamableHTTPServerTransport>();
  const servers = new Map<string, McpServer>();
  let closedGets = 0;

  function newSession() {
    const server = new McpServer({ name: "upstream-under-test", version: "1.0.0" }, { capabilities: { logging: {} } });
    server.registerTool("ping", { description: "Answers pong" }, async () => ({ content: [{ type: "text", text: "pong" }] }));
    server.registerTool("read_data", { description: "Reads", inputSchema: { key: z.string() } }, async ({ key }) => ({ content: [{ type: "text", text: `value of ${key}` }] }));
    server.registerTool("delete_data", { description: "Deletes" }, async () => ({ content: [{ type: "text", text: "deleted" }] }));
    server.registerTool("slow", { description: "Reports progress, then answers" }, async (extra) => {
      await extra.sendNotification({ method: "notifications/message", params: { level: "info", data: "working" } });
      await new Promise((resolve) => setTimeout(resolve, 50));
      return { content: [{ type: "text", text: "done" }] };
    });
    const transport = new StreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      enableJsonResponse: options.json ?? false,
      onsessioninitialized: (id) => {
        transports.set(id, transport);
        servers.set(id, server);
      },
    });
    transport.onclose = () => {
      if (transport.sessionId) {
        transports.delete(transport.sessionId);
        servers.delete(transport.sessionId);
      }
    };
    return { server, transport };
  }

  const http: Server = createServer(async (req, res) => {
    seen.push({ method: req.method ?? "", headers: req.headers });
    if (req.method === "GET") res.on("close", () => closedGets++);
    const sessionId = req.headers["mcp-session-id"];
    const existing = typeof sessionId === "string" ? transports.get(sessionId) : undefined;
    if (existing) {
      await existing.handleRequest(req, res);
      return;
    }
    if (sessionId !== undefined || req.method !== "POST") {
      res.writeHead(404, { "content-type": "application/json" }).end(JSON.stringify({ jsonrpc: "2.0", id: null, error: { code: -32001, message: "Session not found" } }));
      return;
    }
    const { server, transport } = newSession();
    await server.connect(transport);
    await transport.handleRequest(req, res);
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;

  return {
    url,
    seen,
    closedGetStreams: () => closedGets,
    notify(sessionId) {
      servers.get(sessionId)?.sendToolListChanged();
    },
    sessions: () => [...transports.keys()],
    async close() {
      for (const transport of transports.values()) await transport.close().catch(() => undefined);
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}

/** A server that accepts connections and requests but never answers: a hung upstream. */
export async function startSilentServer(): Promise<{ url: string; requests(): number; close(): Promise<void> }> {
  let requests = 0;
  const http = createServer(() => {
    requests++;
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`,
    requests: () => requests,
    async close() {
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
    },
  };
}
