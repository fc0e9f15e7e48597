import pg from "pg";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";
import { basicAuthorization, httpCall, httpCallExpecting } from "../lib/httpCall";
import { createServiceClient } from "./createServiceClient";
import { BENCH_ORG, BENCH_OWNER_EMAIL } from "./gatehouseEnv";
import { liftRegistrationLimit } from "./liftRegistrationLimit";
import { mintGenuineCode } from "./mintGenuineCode";
import { seedCodePool, seedRefreshPool } from "./seedPools";

export const REDIRECT_URI = "http://127.0.0.1:4567/callback";
const GATEWAY_SERVER = "bench-upstream";

/** Everything the Gatehouse scenarios send, made through Gatehouse's own paths (see setupGatehouse). */
export interface GatehouseFixture {
  origin: string;
  org: string;
  issuer: string;
  /** The demo MCP server's resource identifier (the org's default resource). */
  resource: string;
  service: { clientId: string; basic: string };
  publicClientId: string;
  verifier: string;
  /** A user's access token from a real code exchange: what a resource server introspects. */
  userAccessToken: string;
  /** A live refresh token that no run rotates or revokes: introspected as an opaque token. */
  introspectableRefreshToken: string;
  codes: string[];
  refreshTokens: string[];
  revocableRefreshTokens: string[];
  /** For the million-row phase: the rows the copies are made from. */
  genuine: { refreshToken: string; publicClientRowId: string; grantId: string; refreshTokenId: string };
  gateway: { url: string; token: string } | { notMeasured: string };
}

/**
 * Prepares the bench org on a running Gatehouse, through its own interfaces wherever one exists:
 *
 * 1. a confidential service client (client_credentials, introspection, management scope) with the
 *    CLI, `gatehouse create-client --json`;
 * 2. a public MCP client by open registration (RFC 7591, the HTTP endpoint);
 * 3. one genuine authorization code by the server-side consent path (mintCode.ts), copied into the
 *    code pool, then exchanged at the token endpoint for a genuine refresh token, copied into the
 *    refresh-token pools (seedPools.ts: same hashing, each copy its own value and family);
 * 4. the first item of each pool spent once as a check that the copies are accepted;
 * 5. the registration limit of the loopback address lifted (liftRegistrationLimit.ts);
 * 6. the gateway: an MCP server with `upstreamUrl` created through the management API, and a
 *    client-credentials token for it; if the gateway or the management API answers 404, the
 *    gateway is reported as not measured.
 */
export async function setupGatehouse(options: { root: string; env: NodeJS.ProcessEnv; origin: string; databaseUrl: string; upstreamUrl: string; poolSize: number }): Promise<GatehouseFixture> {
  const { origin } = options;
  const org = BENCH_ORG;
  const issuer = `${origin}/orgs/${org}`;
  const resource = `${origin}/mcp/${org}/demo`;
  const token = `${issuer}/api/v1/oauth/token`;

  const service = createServiceClient(options.root, options.env, org, "mcp:tools servers:write");
  const basic = basicAuthorization(service.client_id, service.client_secret);
  await httpCallExpecting(200, "client_credentials check", token, { form: { grant_type: "client_credentials", resource, scope: "mcp:tools" }, headers: { authorization: basic } });

  const registered = await httpCallExpecting(201, "open registration", `${issuer}/api/v1/oauth/register`, {
    json: { client_name: "Bench MCP client", redirect_uris: [REDIRECT_URI], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"], response_types: ["code"] },
  });
  const publicClientId = String(registered.client_id);

  const minted = mintGenuineCode(options.root, options.env, { org, ownerEmail: BENCH_OWNER_EMAIL, clientId: publicClientId, redirectUri: REDIRECT_URI, resource, scope: "mcp:tools" });
  const db = new pg.Client({ connectionString: options.databaseUrl });
  await db.connect();
  try {
    const codes = await seedCodePool(db, minted.code, options.poolSize);
    const codeForm = (code: string) => ({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: minted.verifier, client_id: publicClientId, resource });
    const exchanged = await httpCallExpecting(200, "code exchange", token, { form: codeForm(minted.code) });
    const genuineRefresh = String(exchanged.refresh_token);
    const refreshTokens = await seedRefreshPool(db, genuineRefresh, options.poolSize);
    const revocableRefreshTokens = await seedRefreshPool(db, genuineRefresh, options.poolSize);
    const [introspectableRefreshToken] = await seedRefreshPool(db, genuineRefresh, 1);

    // The copies must be accepted exactly like the originals: spend one of each.
    await httpCallExpecting(200, "pooled code exchange", token, { form: codeForm(codes.shift()!) });
    await httpCallExpecting(200, "pooled refresh", token, { form: { grant_type: "refresh_token", refresh_token: refreshTokens.shift()!, client_id: publicClientId } });
    await httpCallExpecting(200, "pooled revocation", `${issuer}/api/v1/oauth/revoke`, { form: { token: revocableRefreshTokens.shift()!, client_id: publicClientId } });
    const active = await httpCallExpecting(200, "introspection check", `${issuer}/api/v1/oauth/introspect`, { form: { token: String(exchanged.access_token) }, headers: { authorization: basic } });
    if (active.active !== true) throw new Error(`introspection check: the user's access token is not active: ${JSON.stringify(active)}`);

    await liftRegistrationLimit(db, "127.0.0.1");

    const rows = await db.query<{ clientRowId: string; grantId: string; id: string }>(`SELECT "clientRowId", "grantId", "id" FROM "RefreshToken" WHERE "tokenHash" = $1`, [
      sha256SecretHasher.hashForLookup(genuineRefresh),
    ]);
    const row = rows.rows[0]!;
    return {
      origin,
      org,
      issuer,
      resource,
      service: { clientId: service.client_id, basic },
      publicClientId,
      verifier: minted.verifier,
      userAccessToken: String(exchanged.access_token),
      introspectableRefreshToken: introspectableRefreshToken!,
      codes,
      refreshTokens,
      revocableRefreshTokens,
      genuine: { refreshToken: genuineRefresh, publicClientRowId: row.clientRowId, grantId: row.grantId, refreshTokenId: row.id },
      gateway: await setupGateway(origin, issuer, basic, options.upstreamUrl),
    };
  } finally {
    await db.end();
  }
}

async function setupGateway(origin: string, issuer: string, basic: string, upstreamUrl: string): Promise<GatehouseFixture["gateway"]> {
  const token = `${issuer}/api/v1/oauth/token`;
  const management = await httpCall(token, { form: { grant_type: "client_credentials", resource: `${issuer}/api/v1`, scope: "servers:write" }, headers: { authorization: basic } });
  if (management.status !== 200) return { notMeasured: `no management API token (${management.status} ${JSON.stringify(management.body).slice(0, 200)})` };
  const created = await httpCall(`${issuer}/api/v1/mcp/servers`, {
    json: { slug: GATEWAY_SERVER, name: "Bench upstream", upstream_url: upstreamUrl, scopes: [{ name: "mcp:tools", default: true, requires_consent: false }], tool_scopes: { echo: ["mcp:tools"] } },
    headers: { authorization: `Bearer ${String(management.body.access_token)}` },
  });
  if (created.status !== 201) return { notMeasured: `the management API did not create the gateway server (${created.status} ${JSON.stringify(created.body).slice(0, 200)})` };
  const url = `${origin}/mcp/${issuer.split("/").at(-1)}/${GATEWAY_SERVER}`;
  const access = await httpCall(token, { form: { grant_type: "client_credentials", resource: url, scope: "mcp:tools" }, headers: { authorization: basic } });
  if (access.status !== 200) return { notMeasured: `no token for the gateway resource (${access.status} ${JSON.stringify(access.body).slice(0, 200)})` };
  const probe = await fetch(url, { method: "POST", headers: { ...MCP_HEADERS, authorization: `Bearer ${String(access.body.access_token)}` }, body: TOOL_CALL });
  if (probe.status !== 200) return { notMeasured: `the gateway route answered ${probe.status}: ${(await probe.text()).slice(0, 200)}` };
  await probe.text();
  return { url, token: String(access.body.access_token) };
}

/** The MCP request of the gateway runs: one tools/call, as a Streamable HTTP client sends it. */
export const MCP_HEADERS = { "content-type": "application/json", accept: "application/json, text/event-stream", "mcp-protocol-version": "2025-06-18" };
export const TOOL_CALL = JSON.stringify({ jsonrpc: "2.0", id: 1, method: "tools/call", params: { name: "echo", arguments: { text: "hello from the bench" } } });
