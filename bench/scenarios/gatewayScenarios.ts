import { MCP_HEADERS, TOOL_CALL } from "../gatehouse/setupGatehouse";
import type { Scenario } from "./Scenario";

/**
 * The same tools/call, straight to the upstream MCP server and through the gateway
 * (`/mcp/{org}/{server}`, bearer token checked, per-tool scope checked, forwarded): at
 * `connections` for throughput, and at one connection for the latency a caller sees without
 * queueing (the added latency of the target is the difference of the p50s at one connection).
 */
export function gatewayScenarios(upstreamUrl: string, gateway: { url: string; token: string }, connections: number): Scenario[] {
  const direct = { method: "POST", headers: MCP_HEADERS, body: TOOL_CALL };
  const proxied = { method: "POST", headers: { ...MCP_HEADERS, authorization: `Bearer ${gateway.token}` }, body: TOOL_CALL };
  return [
    { id: "upstream.direct", label: "tools/call direct to upstream", system: "upstream", spec: { url: upstreamUrl, connections, ...direct } },
    { id: "gateway", label: "tools/call through the gateway", system: "gatehouse", spec: { url: gateway.url, connections, ...proxied } },
    { id: "upstream.direct.1conn", label: "tools/call direct, 1 connection", system: "upstream", spec: { url: upstreamUrl, connections: 1, ...direct } },
    { id: "gateway.1conn", label: "tools/call gateway, 1 connection", system: "gatehouse", spec: { url: gateway.url, connections: 1, ...proxied } },
  ];
}
