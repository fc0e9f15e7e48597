import { basicAuthorization } from "../lib/httpCall";
import { FORM, type Scenario } from "./Scenario";

export interface PeerInfo {
  origin: string;
  resource: string;
  opaqueResource: string;
  client_id: string;
  client_secret: string;
}

/**
 * node-oidc-provider doing the same work (see bench/peer/oidcProviderServer.mjs): its client
 * credentials token for a resource (JWT ES256), introspection (of an opaque token: it refuses to
 * introspect its JWTs), its discovery document and its JWKS.
 */
export function peerScenarios(peer: PeerInfo, opaqueToken: string, connections: number): Scenario[] {
  const basic = basicAuthorization(peer.client_id, peer.client_secret);
  return [
    {
      id: "peer.token.client_credentials",
      label: "peer: token client_credentials",
      system: "peer",
      spec: {
        url: `${peer.origin}/token`,
        connections,
        method: "POST",
        headers: { ...FORM, authorization: basic },
        body: new URLSearchParams({ grant_type: "client_credentials", resource: peer.resource, scope: "mcp:tools" }).toString(),
      },
    },
    {
      id: "peer.introspection",
      label: "peer: introspection (opaque)",
      system: "peer",
      spec: { url: `${peer.origin}/token/introspection`, connections, method: "POST", headers: { ...FORM, authorization: basic }, body: new URLSearchParams({ token: opaqueToken }).toString() },
    },
    { id: "peer.discovery", label: "peer: discovery document", system: "peer", spec: { url: `${peer.origin}/.well-known/openid-configuration`, connections } },
    { id: "peer.jwks", label: "peer: JWKS", system: "peer", spec: { url: `${peer.origin}/jwks`, connections } },
  ];
}
