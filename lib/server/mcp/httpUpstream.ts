import type { Upstream } from "@/lib/mcp/gateway/forwardGatewayRequest";

/**
 * An MCP server over HTTP (Streamable HTTP) as the gateway's upstream. The admin's static
 * credential, when set, is the Authorization header value; otherwise the upstream gets no
 * Authorization at all. Redirects are not followed (they come back as the upstream's answer).
 */
export function httpUpstream(url: string, credential: string | null): Upstream {
  return (call) => {
    const headers = new Headers(call.headers);
    if (credential !== null) headers.set("authorization", credential);
    return fetch(url, { method: call.method, headers, body: call.body, signal: call.signal, redirect: "manual" });
  };
}
