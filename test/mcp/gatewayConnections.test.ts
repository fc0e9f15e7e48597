import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "@/lib/server/servers/createServer";
import { mcpPost } from "../support/mcpRequests";
import { clientCredentialsToken, userAccessToken } from "../support/mcpTokens";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, TEST_SECRET_KEY_FOR_MCP, type TestServer } from "../support/startMcpTestServer";

/**
 * The gateway's connections to an upstream: kept alive and shared between callers, and what a
 * client sees when the upstream goes away in the middle of an answer. The upstreams here are
 * plain node:http servers, so the test controls every byte and every close.
 */

let server: TestServer;
let org: SeededOrg;
let userToken: string;
let serviceToken: string;
let serviceClientId: string;
const upstreams: Server[] = [];

const gateway = (slug: string) => `${server.origin}/mcp/${org.slug}/${slug}`;
const request = (id: number | string, method = "resources/list") => ({ jsonrpc: "2.0", id, method });

async function startUpstream(handler: (req: IncomingMessage, res: ServerResponse, body: string) => void): Promise<string> {
  const http = createHttpServer((req, res) => {
    let body = "";
    req.setEncoding("utf8");
    req.on("data", (chunk: string) => (body += chunk));
    req.on("end", () => handler(req, res, body));
  });
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  upstreams.push(http);
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/mcp`;
}

async function addGatewayServer(slug: string, upstreamUrl: string) {
  await createServer({ prisma: server.db.prisma, publicUrl: server.origin, secretKey: TEST_SECRET_KEY_FOR_MCP, actor: { type: "system", label: "test" } }, org.orgId, {
    slug,
    name: `Upstream ${slug}`,
    upstreamUrl,
    scopes: [{ name: "data:read", isDefault: true }],
  });
}

/** Reads a streamed body to its end; `error` when it fails instead of ending. */
async function readToEnd(response: Response): Promise<{ text: string; ended: "done" | "error" }> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = "";
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { text, ended: "done" };
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    return { text, ended: "error" };
  }
}

beforeAll(async () => {
  server = await startTestServer({ upstreamTimeoutMs: 3000 });
  org = await seedOrg(server.db.prisma);
  // Answers each request with what it saw: the session, the caller and the connection it came on.
  await addGatewayServer(
    "echo",
    await startUpstream((req, res, body) => {
      const { id } = JSON.parse(body) as { id: number };
      const seen = { session: req.headers["mcp-session-id"] ?? null, subject: req.headers["x-gatehouse-subject"], authorization: req.headers.authorization ?? null, port: req.socket.remotePort };
      const answer = JSON.stringify({ jsonrpc: "2.0", id, result: seen });
      // Some answers slowly, so that requests overlap and connections are both shared and opened.
      setTimeout(() => res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) }).end(answer), id % 3 === 0 ? 20 : 0);
    }),
  );
  userToken = await userAccessToken(server, org, { resource: gateway("echo"), scope: "data:read" });
  ({ token: serviceToken, clientId: serviceClientId } = await clientCredentialsToken(server, org, { resource: gateway("echo"), clientScope: "data:read" }));
});
afterAll(async () => {
  for (const http of upstreams) {
    http.closeAllConnections();
    await new Promise((resolve) => http.close(resolve));
  }
  await server.close();
});

describe("kept-alive upstream connections", () => {
  it("carry many callers' requests, each with its own session and identity, never another's", async () => {
    const calls = Array.from({ length: 40 }, (_, i) => {
      const user = i % 2 === 0;
      return { id: i + 1, session: `session-${i % 4}`, token: user ? userToken : serviceToken, subject: user ? org.ownerId : serviceClientId };
    });
    const seen: { id: number; expected: Omit<(typeof calls)[number], "token" | "id">; result: Record<string, unknown> }[] = [];
    // Four waves of ten concurrent calls: later waves find the connections of earlier ones idle.
    for (let wave = 0; wave < 4; wave++) {
      const answers = await Promise.all(
        calls.slice(wave * 10, wave * 10 + 10).map(async ({ id, session, token, subject }) => {
          const response = await mcpPost(gateway("echo"), token, request(id), { "mcp-session-id": session });
          expect(response.status).toBe(200);
          const body = (await response.json()) as { id: number; result: Record<string, unknown> };
          return { id, expected: { session, subject }, body };
        }),
      );
      for (const { id, expected, body } of answers) {
        expect(body.id).toBe(id);
        seen.push({ id, expected, result: body.result });
      }
    }
    for (const { expected, result } of seen) {
      expect({ session: result.session, subject: result.subject, authorization: result.authorization }).toEqual({ ...expected, authorization: null });
    }
    const connections = new Set(seen.map(({ result }) => result.port));
    expect(connections.size).toBeGreaterThan(1);
    expect(connections.size).toBeLessThan(seen.length);
  });
});

describe("a quiet event stream", () => {
  it("stays open past the idle time of pooled connections (4 s): its late event arrives", async () => {
    await addGatewayServer(
      "quiet",
      await startUpstream((_req, res, body) => {
        const { id } = JSON.parse(body) as { id: number };
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.flushHeaders();
        setTimeout(() => res.end(`event: message\ndata: ${JSON.stringify({ jsonrpc: "2.0", id, result: {} })}\n\n`), 4500);
      }),
    );
    const bearer = await userAccessToken(server, org, { resource: gateway("quiet"), scope: "data:read" });
    const response = await mcpPost(gateway("quiet"), bearer, request(48));
    expect(response.status).toBe(200);
    expect(await readToEnd(response)).toEqual({ text: `event: message\ndata: {"jsonrpc":"2.0","id":48,"result":{}}\n\n`, ended: "done" });
  });
});

describe("an upstream that redirects", () => {
  it("is not followed: 502 with a JSON-RPC error, and the redirect's target never sees the call", async () => {
    let targetCalls = 0;
    const target = await startUpstream((_req, res) => {
      targetCalls++;
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    await addGatewayServer("moved", await startUpstream((_req, res) => res.writeHead(307, { location: target }).end()));
    const bearer = await userAccessToken(server, org, { resource: gateway("moved"), scope: "data:read" });
    const response = await mcpPost(gateway("moved"), bearer, request(47));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ jsonrpc: "2.0", id: 47, error: { code: -32000, message: "The MCP server behind the gateway answered with a redirect; its upstream URL needs updating" } });
    expect(targetCalls).toBe(0);
  });
});

describe("an upstream that goes away in the middle of an answer", () => {
  it("JSON cut short: 502 with a JSON-RPC error echoing the id, and the next call goes through", async () => {
    let cut = true;
    await addGatewayServer(
      "cut-json",
      await startUpstream((_req, res, body) => {
        const { id } = JSON.parse(body) as { id: number };
        const answer = JSON.stringify({ jsonrpc: "2.0", id, result: { content: [{ type: "text", text: "x".repeat(200) }] } });
        res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(answer) });
        if (!cut) {
          res.end(answer);
          return;
        }
        res.write(answer.slice(0, 50), () => res.destroy());
      }),
    );
    const bearer = await userAccessToken(server, org, { resource: gateway("cut-json"), scope: "data:read" });
    const response = await mcpPost(gateway("cut-json"), bearer, request(41));
    expect(response.status).toBe(502);
    expect(await response.json()).toEqual({ jsonrpc: "2.0", id: 41, error: { code: -32000, message: "The MCP server behind the gateway could not be reached" } });
    cut = false;
    const next = await mcpPost(gateway("cut-json"), bearer, request(42));
    expect(next.status).toBe(200);
    const text = await next.text();
    // A short answer goes back whole, with its length (not chunked).
    expect(next.headers.get("content-length")).toBe(String(Buffer.byteLength(text)));
    expect(JSON.parse(text)).toMatchObject({ id: 42, result: { content: [{ text: "x".repeat(200) }] } });
  });

  it("event stream cut short: the events sent so far arrive and the stream ends, without a hang", async () => {
    await addGatewayServer(
      "cut-sse",
      await startUpstream((_req, res, body) => {
        const { id } = JSON.parse(body) as { id: number };
        res.writeHead(200, { "content-type": "text/event-stream" });
        res.write(`event: message\ndata: ${JSON.stringify({ jsonrpc: "2.0", method: "notifications/message", params: { level: "info", data: "working" } })}\n\n`);
        // Half of the answer's event, then the connection goes.
        res.write(`event: message\ndata: {"jsonrpc":"2.0","id":${id},"res`, () => setTimeout(() => res.destroy(), 20));
      }),
    );
    const bearer = await userAccessToken(server, org, { resource: gateway("cut-sse"), scope: "data:read" });
    const response = await mcpPost(gateway("cut-sse"), bearer, request(43));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    const { text, ended } = await readToEnd(response);
    expect(ended).toBe("done");
    expect(text.startsWith(`event: message\ndata: {"jsonrpc":"2.0","method":"notifications/message","params":{"level":"info","data":"working"}}\n\n`)).toBe(true);
    const after = await mcpPost(gateway("echo"), userToken, request(44));
    expect(after.status).toBe(200);
  });

  it("a long JSON answer (streamed) cut short: the client's read fails, so a truncated body never looks complete", async () => {
    await addGatewayServer(
      "cut-long",
      await startUpstream((_req, res, body) => {
        const { id } = JSON.parse(body) as { id: number };
        res.writeHead(200, { "content-type": "application/json" });
        res.write(`{"jsonrpc":"2.0","id":${id},"result":{"content":[{"type":"text","text":"${"y".repeat(100_000)}`, () => setTimeout(() => res.destroy(), 20));
      }),
    );
    const bearer = await userAccessToken(server, org, { resource: gateway("cut-long"), scope: "data:read" });
    const response = await mcpPost(gateway("cut-long"), bearer, request(45));
    expect(response.status).toBe(200);
    const { text, ended } = await readToEnd(response);
    expect(ended).toBe("error");
    expect(text.startsWith(`{"jsonrpc":"2.0","id":45,"result":`)).toBe(true);
    const after = await mcpPost(gateway("echo"), userToken, request(46));
    expect(after.status).toBe(200);
  });
});
