import { describe, expect, it } from "vitest";
import { upstreamRequestHeaders, upstreamResponseHeaders } from "./upstreamHeaders";

const caller = { subject: "user-1", clientId: "gh_abc", scopes: ["mcp:tools", "mcp:admin"], grantId: "g", userId: "user-1", jti: "j", expiresAt: 0 };

describe("upstreamRequestHeaders", () => {
  it("passes the Streamable HTTP headers, names the caller, and drops the rest", () => {
    const incoming = new Headers({
      authorization: "Bearer the-clients-token",
      cookie: "session=1",
      "x-gatehouse-subject": "forged",
      "x-forwarded-for": "1.2.3.4",
      accept: "application/json, text/event-stream",
      "content-type": "application/json",
      "mcp-session-id": "s-1",
      "mcp-protocol-version": "2025-11-25",
      "last-event-id": "e-9",
      "user-agent": "test",
    });
    expect(upstreamRequestHeaders(incoming, caller)).toEqual({
      accept: "application/json, text/event-stream",
      "content-type": "application/json",
      "mcp-session-id": "s-1",
      "mcp-protocol-version": "2025-11-25",
      "last-event-id": "e-9",
      "user-agent": "test",
      "x-gatehouse-subject": "user-1",
      "x-gatehouse-client-id": "gh_abc",
      "x-gatehouse-scopes": "mcp:tools mcp:admin",
    });
  });
});

describe("upstreamResponseHeaders", () => {
  it("returns the session and content headers, never the upstream's challenge or cookies", () => {
    const upstream = new Headers({
      "content-type": "text/event-stream",
      "mcp-session-id": "s-2",
      "www-authenticate": 'Bearer realm="upstream"',
      "set-cookie": "a=b",
      "content-encoding": "gzip",
      "content-length": "10",
      "access-control-allow-origin": "https://evil.example",
    });
    expect(upstreamResponseHeaders(upstream)).toEqual({ "cache-control": "no-store", "content-type": "text/event-stream", "mcp-session-id": "s-2" });
  });
});
