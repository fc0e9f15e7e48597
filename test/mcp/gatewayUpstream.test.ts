import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createServer } from "@/lib/server/servers/createServer";
import { initialize, mcpHeaders, mcpPost, readMessages, toolCall, toolsList } from "../support/mcpRequests";
import { userAccessToken } from "../support/mcpTokens";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, TEST_SECRET_KEY_FOR_MCP, type TestServer } from "../support/startMcpTestServer";
import { startSilentServer, startUpstreamMcpServer, type UpstreamMcpServer } from "../support/startUpstreamMcpServer";

const TIMEOUT_MS = 3000;
let server: TestServer;
let org: SeededOrg;
let upstream: UpstreamMcpServer;
let token: string;

const gateway = (slug: string) => `${server.origin}/mcp/${org.slug}/${slug}`;

async function addGatewayServer(slug: string, upstreamUrl: string, extra: Record<string, unknown> = {}) {
  await createServer({ prisma: server.db.prisma, publicUrl: server.origin, secretKey: TEST_SECRET_KEY_FOR_MCP, actor: { type: "system", label: "test" } }, org.orgId, {
    slug,
    name: `Upstream ${slug}`,
    upstreamUrl,
    scopes: [{ name: "data:read", isDefault: true }, { name: "data:write" }],
    toolScopes: { read_data: ["data:read"], delete_data: ["data:write"] },
    ...extra,
  });
}

/** initialize + notifications/initialized through the gateway; returns the session id. */
async function openSession(slug: string, bearer = token): Promise<string> {
  const init = await mcpPost(gateway(slug), bearer, initialize());
  expect(init.status).toBe(200);
  const sessionId = init.headers.get("mcp-session-id")!;
  await init.text();
  const initialized = await mcpPost(gateway(slug), bearer, { jsonrpc: "2.0", method: "notifications/initialized" }, { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-06-18" });
  expect(initialized.status).toBe(202);
  return sessionId;
}

beforeAll(async () => {
  server = await startTestServer({ upstreamTimeoutMs: TIMEOUT_MS });
  org = await seedOrg(server.db.prisma);
  upstream = await startUpstreamMcpServer();
  await addGatewayServer("up", upstream.url, { upstreamCredential: "Bearer upstream-static-secret" });
  token = await userAccessToken(server, org, { resource: gateway("up"), scope: "data:read" });
});
afterAll(async () => {
  await upstream.close();
  await server.close();
});

describe("the gateway in front of a real MCP server (SDK, Streamable HTTP)", () => {
  it("carries a session: SSE answers, Mcp-Session-Id both ways, filtered tools/list, a streamed tool call", async () => {
    const init = await mcpPost(gateway("up"), token, initialize(1));
    expect(init.status).toBe(200);
    expect(init.headers.get("content-type")).toBe("text/event-stream");
    const sessionId = init.headers.get("mcp-session-id");
    expect(sessionId).toMatch(/^[0-9a-f-]{36}$/);
    expect(init.headers.get("access-control-expose-headers")).toContain("Mcp-Session-Id");
    expect((await readMessages(init))[0]).toMatchObject({ id: 1, result: { serverInfo: { name: "upstream-under-test" } } });

    const session = { "mcp-session-id": sessionId!, "mcp-protocol-version": "2025-06-18" };
    expect((await mcpPost(gateway("up"), token, { jsonrpc: "2.0", method: "notifications/initialized" }, session)).status).toBe(202);

    const list = await mcpPost(gateway("up"), token, toolsList(2), session);
    expect(list.headers.get("content-type")).toBe("text/event-stream");
    const [listed] = await readMessages(list);
    expect((listed!.result as { tools: { name: string }[] }).tools.map((t) => t.name)).toEqual(["ping", "read_data", "slow"]);

    const slow = await mcpPost(gateway("up"), token, toolCall("slow", 3), session);
    expect(await readMessages(slow)).toEqual([
      { jsonrpc: "2.0", method: "notifications/message", params: { level: "info", data: "working" } },
      { jsonrpc: "2.0", id: 3, result: { content: [{ type: "text", text: "done" }] } },
    ]);
    const read = await mcpPost(gateway("up"), token, toolCall("read_data", 4, { key: "k" }), session);
    expect((await readMessages(read))[0]).toMatchObject({ id: 4, result: { content: [{ type: "text", text: "value of k" }] } });
  });

  it("never forwards the client's token: the upstream gets the static credential and headers naming the caller", async () => {
    await openSession("up");
    expect(upstream.seen.length).toBeGreaterThan(0);
    for (const request of upstream.seen) {
      expect(JSON.stringify(request.headers)).not.toContain(token);
      expect(request.headers.authorization).toBe("Bearer upstream-static-secret");
      expect(request.headers["x-gatehouse-subject"]).toBe(org.ownerId);
      expect(request.headers["x-gatehouse-client-id"]).toMatch(/^gh_/);
      expect(request.headers["x-gatehouse-scopes"]).toBe("data:read");
    }
  });

  it("refuses a tool the token's scopes do not cover before the upstream sees it", async () => {
    const sessionId = await openSession("up");
    const before = upstream.seen.length;
    const response = await mcpPost(gateway("up"), token, toolCall("delete_data", 5), { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-06-18" });
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toBe(
      `Bearer resource_metadata="${server.origin}/.well-known/oauth-protected-resource/mcp/${org.slug}/up", scope="data:write", error="insufficient_scope", error_description="tools/call of 'delete_data' needs the scope data:write; the access token has data:read"`,
    );
    expect(upstream.seen.length).toBe(before);
  });

  it("streams the session's GET stream, aborts it upstream when the client goes away, and ends the session with DELETE", async () => {
    const sessionId = await openSession("up");
    const session = { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-06-18" };
    const client = new AbortController();
    const seenBefore = upstream.seen.length;
    const opening = fetch(gateway("up"), { headers: { ...session, accept: "text/event-stream", authorization: `Bearer ${token}` }, signal: client.signal });
    // The upstream has opened the stream once it saw the GET; its first event carries the headers along.
    await expect.poll(() => upstream.seen.slice(seenBefore).some((r) => r.method === "GET")).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 50));
    upstream.notify(sessionId);
    const stream = await opening;
    expect(stream.status).toBe(200);
    expect(stream.headers.get("content-type")).toBe("text/event-stream");
    const reader = stream.body!.getReader();
    let text = "";
    while (!text.includes("notifications/tools/list_changed")) {
      const { done, value } = await reader.read();
      if (done) throw new Error(`the stream ended before the notification: ${text}`);
      text += new TextDecoder().decode(value);
    }

    const closedBefore = upstream.closedGetStreams();
    client.abort();
    await expect.poll(() => upstream.closedGetStreams(), { timeout: 3000 }).toBe(closedBefore + 1);

    const resuming = new AbortController();
    void fetch(gateway("up"), { headers: { ...session, accept: "text/event-stream", "last-event-id": "evt-1", authorization: `Bearer ${token}` }, signal: resuming.signal }).catch(() => undefined);
    await expect.poll(() => upstream.seen.at(-1)?.headers["last-event-id"]).toBe("evt-1");
    resuming.abort();

    const ended = await fetch(gateway("up"), { method: "DELETE", headers: { ...session, authorization: `Bearer ${token}` } });
    expect(ended.status).toBe(200);
    expect(upstream.sessions()).not.toContain(sessionId);
    const gone = await mcpPost(gateway("up"), token, toolsList(9), session);
    expect(gone.status).toBe(404);
  });

  it("filters tools/list in a JSON answer too (an upstream with JSON responses)", async () => {
    const jsonUpstream = await startUpstreamMcpServer({ json: true });
    try {
      await addGatewayServer("json-up", jsonUpstream.url);
      const bearer = await userAccessToken(server, org, { resource: gateway("json-up"), scope: "data:read data:write" });
      const sessionId = await openSession("json-up", bearer);
      const narrow = await userAccessToken(server, org, { resource: gateway("json-up"), scope: "data:read" });
      const response = await mcpPost(gateway("json-up"), narrow, [toolsList(1), toolCall("ping", 2)], { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-03-26" });
      expect(response.headers.get("content-type")).toBe("application/json");
      const messages = await readMessages(response);
      expect((messages.find((m) => m.id === 1)!.result as { tools: { name: string }[] }).tools.map((t) => t.name)).toEqual(["ping", "read_data", "slow"]);
      expect(messages.find((m) => m.id === 2)).toMatchObject({ result: { content: [{ text: "pong" }] } });
    } finally {
      await jsonUpstream.close();
    }
  });

  it("answers 502 with a JSON-RPC error, not a hang, when the upstream stops mid-session", async () => {
    const doomed = await startUpstreamMcpServer();
    await addGatewayServer("doomed", doomed.url);
    const bearer = await userAccessToken(server, org, { resource: gateway("doomed"), scope: "data:read" });
    const sessionId = await openSession("doomed", bearer);
    await doomed.close();
    const started = Date.now();
    const response = await mcpPost(gateway("doomed"), bearer, toolCall("ping", 42), { "mcp-session-id": sessionId, "mcp-protocol-version": "2025-06-18" });
    expect(response.status).toBe(502);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(await response.json()).toEqual({ jsonrpc: "2.0", id: 42, error: { code: -32000, message: "The MCP server behind the gateway could not be reached" } });
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS);
  });

  it("answers 504 with a JSON-RPC error when the upstream does not answer in time", async () => {
    const silent = await startSilentServer();
    try {
      await addGatewayServer("silent", silent.url);
      const bearer = await userAccessToken(server, org, { resource: gateway("silent"), scope: "data:read" });
      const started = Date.now();
      const response = await mcpPost(gateway("silent"), bearer, [toolCall("ping", 7), toolCall("ping", "eight" as unknown as number)]);
      const elapsed = Date.now() - started;
      expect(response.status).toBe(504);
      expect(await response.json()).toEqual([7, "eight"].map((id) => ({ jsonrpc: "2.0", id, error: { code: -32001, message: "The MCP server behind the gateway did not answer in time" } })));
      expect(silent.requests()).toBe(1);
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 10_000);
    } finally {
      await silent.close();
    }
  });

  it("answers 502 when the upstream refuses the gateway's credential, without passing its challenge on", async () => {
    const { createServer: createHttpServer } = await import("node:http");
    const refusing = createHttpServer((_req, res) => res.writeHead(401, { "www-authenticate": 'Bearer realm="upstream"', "content-type": "text/plain" }).end("no"));
    await new Promise<void>((resolve) => refusing.listen(0, "127.0.0.1", resolve));
    try {
      await addGatewayServer("refusing", `http://127.0.0.1:${(refusing.address() as { port: number }).port}/mcp`);
      const bearer = await userAccessToken(server, org, { resource: gateway("refusing"), scope: "data:read" });
      const response = await mcpPost(gateway("refusing"), bearer, initialize(3));
      expect(response.status).toBe(502);
      expect(response.headers.get("www-authenticate")).toBeNull();
      expect(await response.json()).toEqual({ jsonrpc: "2.0", id: 3, error: { code: -32000, message: "The MCP server behind the gateway refused the gateway's credentials" } });
    } finally {
      refusing.closeAllConnections();
      await new Promise((resolve) => refusing.close(resolve));
    }
  });

  it("sends the Streamable HTTP headers on and drops the rest (cookies, forged identity)", async () => {
    await mcpPost(gateway("up"), token, initialize(), { cookie: "portal=1", "x-gatehouse-subject": "forged", "x-forwarded-for": "6.6.6.6" });
    const last = upstream.seen.at(-1)!.headers;
    expect(last.cookie).toBeUndefined();
    expect(last["x-forwarded-for"]).toBeUndefined();
    expect(last["x-gatehouse-subject"]).toBe(org.ownerId);
    expect(mcpHeaders(null).accept).toBe(last.accept);
  });
});
