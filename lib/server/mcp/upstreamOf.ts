import type { Upstream } from "@/lib/mcp/gateway/forwardGatewayRequest";
import { demoUpstream } from "./demo/demoUpstream";
import { httpUpstream } from "./httpUpstream";
import type { ProtectedServer } from "./ProtectedServer";

/** One adapter per resolved server (loadProtectedServer keeps those a few seconds): its URL is parsed once. */
const adapters = new WeakMap<ProtectedServer, Upstream>();

/** Who answers behind the gateway: the server's upstream URL, or the built-in demo server. */
export function upstreamOf(server: ProtectedServer): Upstream {
  let upstream = adapters.get(server);
  if (!upstream) {
    upstream =
      server.upstreamUrl !== null
        ? httpUpstream(server.upstreamUrl, server.upstreamCredential)
        : demoUpstream({ orgName: server.org.name, serverName: server.name, toolScopes: server.toolScopes });
    adapters.set(server, upstream);
  }
  return upstream;
}
