import type { Upstream } from "@/lib/mcp/gateway/forwardGatewayRequest";
import { demoUpstream } from "./demo/demoUpstream";
import { httpUpstream } from "./httpUpstream";
import type { ProtectedServer } from "./ProtectedServer";

/** Who answers behind the gateway: the server's upstream URL, or the built-in demo server. */
export function upstreamOf(server: ProtectedServer): Upstream {
  return server.upstreamUrl !== null
    ? httpUpstream(server.upstreamUrl, server.upstreamCredential)
    : demoUpstream({ orgName: server.org.name, serverName: server.name, toolScopes: server.toolScopes });
}
