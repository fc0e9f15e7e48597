// The peer of the benchmark: node-oidc-provider 9 configured for the work Gatehouse does on its hot
// endpoints, so that the ratios in the table compare like with like:
// - one confidential client, client_secret_basic, grant client_credentials only;
// - resource indicators (RFC 8707) with JWT (RFC 9068) ES256 access tokens for RESOURCE, like
//   Gatehouse's per-org ES256 tokens; the only signing key is ES256 (so JWKS publishes one key);
// - introspection on. node-oidc-provider refuses to introspect its own JWT access tokens ("Structured
//   JWT Tokens cannot be introspected"), so introspection is measured on an opaque token issued for
//   OPAQUE_RESOURCE: a lookup by value, its cheapest path;
// - storage: its default in-memory adapter (an LRU in the process: no database round trip at all,
//   which flatters the peer: Gatehouse pays PostgreSQL on every token).
// Started by bench/run.ts as `node bench/peer/oidcProviderServer.mjs <port>` pinned to one core;
// prints "ready <json>" with what the load generator needs, on one line.
import { createServer } from "node:http";
import { exportJWK, generateKeyPair } from "jose";
import Provider from "oidc-provider";

const port = Number(process.argv[2]);
const origin = `http://127.0.0.1:${port}`;
const RESOURCE = "https://mcp.bench.example/mcp";
const OPAQUE_RESOURCE = "https://opaque.bench.example/mcp";
const client = { client_id: "bench-peer-client", client_secret: "bench-peer-secret-0123456789abcdef0123456789abcdef" };

const { privateKey } = await generateKeyPair("ES256", { extractable: true });
const jwk = { ...(await exportJWK(privateKey)), kid: "bench-es256", alg: "ES256", use: "sig" };

const provider = new Provider(origin, {
  clients: [
    {
      ...client,
      grant_types: ["client_credentials"],
      response_types: [],
      redirect_uris: [],
      token_endpoint_auth_method: "client_secret_basic",
      scope: "mcp:tools",
      id_token_signed_response_alg: "ES256",
    },
  ],
  jwks: { keys: [jwk] },
  enabledJWA: { idTokenSigningAlgValues: ["ES256"] },
  clientDefaults: { id_token_signed_response_alg: "ES256" },
  scopes: ["mcp:tools"],
  cookies: { keys: ["bench-cookie-key-0123456789abcdef"] },
  features: {
    devInteractions: { enabled: false },
    clientCredentials: { enabled: true },
    introspection: { enabled: true },
    revocation: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (_ctx, resource) => ({
        scope: "mcp:tools",
        audience: resource,
        accessTokenTTL: 3600,
        accessTokenFormat: resource === OPAQUE_RESOURCE ? "opaque" : "jwt",
        jwt: { sign: { alg: "ES256" } },
      }),
    },
  },
});
// Its own warnings about development defaults are irrelevant here and would only add noise.
provider.on("server_error", (_ctx, error) => console.error("[peer] server_error", error));

const server = createServer(provider.callback());
server.keepAliveTimeout = 30_000;
server.listen(port, "127.0.0.1", () => {
  console.log(`ready ${JSON.stringify({ origin, resource: RESOURCE, opaqueResource: OPAQUE_RESOURCE, ...client })}`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
