import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initialize, mcpPost, readMessages, toolCall, toolsList } from "../support/mcpRequests";
import { userAccessToken } from "../support/mcpTokens";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startMcpTestServer";

let server: TestServer;
let org: SeededOrg;
let tools: string;
let both: string;

const demo = () => `${server.origin}/mcp/${org.slug}/demo`;
const metadata = () => `${server.origin}/.well-known/oauth-protected-resource/mcp/${org.slug}/demo`;
const refusal = (description: string, scope = "mcp:admin") =>
  `Bearer resource_metadata="${metadata()}", scope="${scope}", error="insufficient_scope", error_description="${description}"`;

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
  tools = await userAccessToken(server, org, { resource: demo(), scope: "mcp:tools" });
  both = await userAccessToken(server, org, { resource: demo(), scope: "mcp:tools mcp:admin" });
});
afterAll(() => server.close());

describe("the built-in demo server behind the gateway", () => {
  it("initializes over SSE with the SDK's server", async () => {
    const response = await mcpPost(demo(), tools, initialize(1));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect((await readMessages(response))[0]).toMatchObject({ id: 1, result: { serverInfo: { name: "gatehouse-demo" }, capabilities: { tools: {} } } });
  });

  it("whoami answers with the token's subject, client and scopes", async () => {
    const [answer] = await readMessages(await mcpPost(demo(), both, toolCall("whoami", 2)));
    const text = (answer!.result as { content: { text: string }[] }).content[0]!.text;
    expect(JSON.parse(text)).toMatchObject({ subject: org.ownerId, clientId: expect.stringMatching(/^gh_/), scopes: ["mcp:tools", "mcp:admin"] });
  });

  it("echo returns its text", async () => {
    const [answer] = await readMessages(await mcpPost(demo(), tools, toolCall("echo", 3, { text: "héllo" })));
    expect(answer).toEqual({ jsonrpc: "2.0", id: 3, result: { content: [{ type: "text", text: "héllo" }] } });
  });

  it("GET and DELETE: 405 from the stateless demo, passed through", async () => {
    const response = await fetch(demo(), { headers: { authorization: `Bearer ${tools}`, accept: "text/event-stream" } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST");
  });
});

describe("per-tool scopes", () => {
  it("lets a token with mcp:admin call admin_report", async () => {
    const [answer] = await readMessages(await mcpPost(demo(), both, toolCall("admin_report", 4)));
    expect((answer!.result as { content: { text: string }[] }).content[0]!.text).toContain(`Admin report for ${org.slug.toUpperCase()} / Demo MCP server`);
  });

  it("refuses admin_report without mcp:admin: 403 insufficient_scope naming the scope, audited", async () => {
    const response = await mcpPost(demo(), tools, toolCall("admin_report", 5));
    expect(response.status).toBe(403);
    const description = "tools/call of 'admin_report' needs the scope mcp:admin; the access token has mcp:tools";
    expect(response.headers.get("www-authenticate")).toBe(refusal(description));
    expect(response.headers.get("access-control-expose-headers")).toContain("WWW-Authenticate");
    expect(await response.json()).toEqual({ error: "insufficient_scope", error_description: description.replace(/'/g, '"') });
    await expect
      .poll(() => server.db.prisma.auditEvent.findFirst({ where: { orgId: org.orgId, kind: "gateway.refused" } }))
      .toMatchObject({ actorType: "user", actorId: org.ownerId, details: { error: "insufficient_scope", tools: ["admin_report"], needed: ["mcp:admin"], granted: ["mcp:tools"] } });
  });

  it("checks a tools/call sent as a notification (no id) too", async () => {
    const response = await mcpPost(demo(), tools, toolCall("admin_report", null));
    expect(response.status).toBe(403);
  });

  it("refuses a batch that hides one refused call among allowed ones, naming every scope needed", async () => {
    const response = await mcpPost(demo(), tools, [toolCall("whoami", 6), toolCall("admin_report", 7)]);
    expect(response.status).toBe(403);
    expect(response.headers.get("www-authenticate")).toBe(refusal("tools/call of 'admin_report' needs the scope mcp:admin; the access token has mcp:tools"));
  });

  it("passes an allowed batch", async () => {
    const response = await mcpPost(demo(), tools, [toolCall("whoami", 6), toolCall("echo", 7, { text: "x" })]);
    expect(response.status).toBe(200);
  });

  it.each([
    ["Tools/Call", { jsonrpc: "2.0", id: 8, method: "Tools/Call", params: { name: "admin_report" } }, 400, { jsonrpc: "2.0", id: 8, error: { code: -32601, message: 'Method not found: "Tools/Call" (JSON-RPC method names are case-sensitive)' } }],
    ["a case variant of the tool name", toolCall("ADMIN_REPORT", 9), 403, { error: "insufficient_scope", error_description: 'tools/call of "ADMIN_REPORT" needs the scope mcp:admin; the access token has mcp:tools' }],
    ["a tools/call without a name", { jsonrpc: "2.0", id: 10, method: "tools/call", params: {} }, 400, { jsonrpc: "2.0", id: 10, error: { code: -32602, message: "Invalid params: tools/call needs params.name, the name of the tool" } }],
  ])("does not let %s bypass the check", async (_name, body, status, expected) => {
    const response = await mcpPost(demo(), tools, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(expected);
  });

  it("shows in tools/list only the tools the token may call (SSE answer filtered as it streams)", async () => {
    const names = async (token: string) => {
      const [answer] = await readMessages(await mcpPost(demo(), token, toolsList(11)));
      return (answer!.result as { tools: { name: string }[] }).tools.map((t) => t.name).sort();
    };
    expect(await names(tools)).toEqual(["echo", "whoami"]);
    expect(await names(both)).toEqual(["admin_report", "echo", "whoami"]);
  });
});

describe("malformed requests", () => {
  it.each([
    ["invalid JSON", "{", 400, { jsonrpc: "2.0", id: null, error: { code: -32700, message: "Parse error: the request body is not valid JSON" } }],
    ["an empty batch", "[]", 400, { jsonrpc: "2.0", id: null, error: { code: -32600, message: "Invalid Request: an empty batch" } }],
  ])("answers %s with a JSON-RPC error", async (_name, body, status, expected) => {
    const response = await mcpPost(demo(), tools, body);
    expect(response.status).toBe(status);
    expect(await response.json()).toEqual(expected);
  });

  it("refuses a body over 1 MiB with 413", async () => {
    const response = await mcpPost(demo(), tools, toolCall("echo", 12, { text: "x".repeat(1024 * 1024) }));
    expect(response.status).toBe(413);
  });

  it("refuses a chunked body over 1 MiB with 413 and a JSON-RPC error", async () => {
    const big = JSON.stringify(toolCall("echo", 13, { text: "x".repeat(1024 * 1024) }));
    const body = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const response = await fetch(demo(), {
      method: "POST",
      headers: { authorization: `Bearer ${tools}`, "content-type": "application/json", accept: "application/json, text/event-stream" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({ jsonrpc: "2.0", id: null, error: { code: -32600, message: "Invalid Request: the body exceeds 1048576 bytes" } });
  });

  it("refuses PUT with 405", async () => {
    const response = await fetch(demo(), { method: "PUT", headers: { authorization: `Bearer ${tools}` } });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("POST, GET, DELETE, OPTIONS");
  });
});
