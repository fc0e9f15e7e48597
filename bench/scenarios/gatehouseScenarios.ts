import type { GatehouseFixture } from "../gatehouse/setupGatehouse";
import { poolCursor } from "../gatehouse/secretPool";
import { FORM, pooledPost, type Scenario } from "./Scenario";

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

/**
 * Gatehouse's protocol endpoints on the empty database, each as a client would call it:
 * - client_credentials with client_secret_basic, resource and scope, like the peer's;
 * - refresh_token rotation and authorization_code exchange by the public MCP client, one pooled
 *   refresh token or code per request (pooled secrets are never sent twice);
 * - introspection by a resource server (the service client, Basic, `canIntrospect`) of a user's
 *   JWT access token, and of an opaque refresh token;
 * - revocation of a pooled refresh token by its public client;
 * - open registration of a public client (the address's limit lifted, see liftRegistrationLimit);
 * - the metadata document (RFC 8414 path-insertion form) and the JWKS.
 */
export function gatehouseScenarios(f: GatehouseFixture, connections: number): Scenario[] {
  const api = `${f.issuer}/api/v1/oauth`;
  const refresh = poolCursor(f.refreshTokens);
  const codes = poolCursor(f.codes);
  const revocable = poolCursor(f.revocableRefreshTokens);
  return [
    {
      id: "token.client_credentials",
      label: "token: client_credentials",
      system: "gatehouse",
      spec: { url: `${api}/token`, connections, method: "POST", headers: { ...FORM, authorization: f.service.basic }, body: form({ grant_type: "client_credentials", resource: f.resource, scope: "mcp:tools" }) },
    },
    {
      id: "token.refresh_token",
      label: "token: refresh_token (rotation)",
      system: "gatehouse",
      spec: pooledPost(`${api}/token`, connections, FORM, () => form({ grant_type: "refresh_token", refresh_token: refresh.next(), client_id: f.publicClientId })),
    },
    {
      id: "token.authorization_code",
      label: "token: authorization_code (PKCE)",
      system: "gatehouse",
      spec: pooledPost(`${api}/token`, connections, FORM, () =>
        form({ grant_type: "authorization_code", code: codes.next(), redirect_uri: "http://127.0.0.1:4567/callback", code_verifier: f.verifier, client_id: f.publicClientId, resource: f.resource }),
      ),
    },
    {
      id: "introspection",
      label: "introspection: JWT access token",
      system: "gatehouse",
      spec: { url: `${api}/introspect`, connections, method: "POST", headers: { ...FORM, authorization: f.service.basic }, body: form({ token: f.userAccessToken }) },
    },
    {
      id: "introspection.refresh_token",
      label: "introspection: refresh token",
      system: "gatehouse",
      spec: { url: `${api}/introspect`, connections, method: "POST", headers: { ...FORM, authorization: f.service.basic }, body: form({ token: f.introspectableRefreshToken }) },
    },
    {
      id: "revocation",
      label: "revocation: refresh token",
      system: "gatehouse",
      spec: pooledPost(`${api}/revoke`, connections, FORM, () => form({ token: revocable.next(), token_type_hint: "refresh_token", client_id: f.publicClientId })),
    },
    {
      id: "registration",
      label: "registration (DCR, public client)",
      system: "gatehouse",
      spec: {
        url: `${api}/register`,
        connections,
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({
          client_name: "Bench registered client",
          redirect_uris: ["http://127.0.0.1:4567/callback"],
          token_endpoint_auth_method: "none",
          grant_types: ["authorization_code", "refresh_token"],
          response_types: ["code"],
        }),
      },
    },
    {
      id: "metadata",
      label: "metadata (RFC 8414)",
      system: "gatehouse",
      spec: { url: `${f.origin}/.well-known/oauth-authorization-server/orgs/${f.org}`, connections },
    },
    { id: "jwks", label: "JWKS", system: "gatehouse", spec: { url: `${api}/jwks`, connections } },
  ];
}

/** The figures measured again once the database holds a million grants and refresh tokens. */
export function millionScenarios(f: GatehouseFixture, refreshTokens: string[], connections: number): Scenario[] {
  const byId = new Map(gatehouseScenarios({ ...f, refreshTokens }, connections).map((s) => [s.id, s]));
  return ["token.client_credentials", "token.refresh_token", "introspection"].map((id) => {
    const s = byId.get(id)!;
    return { ...s, id: `${id}@1M`, label: `${s.label}, 1M rows` };
  });
}
