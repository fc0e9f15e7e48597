import { createHash, randomBytes } from "node:crypto";
import { createAdminClient } from "@/lib/server/clients/createAdminClient";
import { authorizeAs } from "./authorizeAs";
import type { SeededOrg } from "./seedOrg";
import type { TestServer } from "./startTestServer";

const REDIRECT = "http://127.0.0.1:4567/callback";

async function tokenRequest(server: TestServer, org: SeededOrg, form: Record<string, string>, authorization?: string): Promise<{ access_token: string; scope: string }> {
  const response = await fetch(`${server.origin}/orgs/${org.slug}/api/v1/oauth/token`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", ...(authorization ? { authorization } : {}) },
    body: new URLSearchParams(form),
  });
  const body = await response.json();
  if (response.status !== 200) throw new Error(`token request refused: ${JSON.stringify(body)}`);
  return body;
}

/**
 * A user's access token the way an MCP client gets one: open registration of a public client, the
 * user's consent (authorizeAs, the server side of the consent screen), the code exchange with PKCE.
 */
export async function userAccessToken(server: TestServer, org: SeededOrg, options: { resource: string; scope: string; user?: { id: string; email: string } }): Promise<string> {
  const registration = await fetch(`${server.origin}/orgs/${org.slug}/api/v1/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ client_name: "MCP test client", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] }),
  });
  const { client_id } = (await registration.json()) as { client_id: string };
  const verifier = randomBytes(32).toString("base64url");
  const redirect = await authorizeAs(options.user ?? { id: org.ownerId, email: org.ownerEmail }, org.slug, {
    response_type: "code",
    client_id,
    redirect_uri: REDIRECT,
    code_challenge: createHash("sha256").update(verifier).digest("base64url"),
    code_challenge_method: "S256",
    state: "s",
    scope: options.scope,
    resource: options.resource,
  });
  const code = redirect.searchParams.get("code");
  if (!code) throw new Error(`no code: ${redirect}`);
  const tokens = await tokenRequest(server, org, { grant_type: "authorization_code", code, redirect_uri: REDIRECT, code_verifier: verifier, client_id, resource: options.resource });
  return tokens.access_token;
}

/** An admin client of the org (client_credentials, allowed `clientScope`) and a token it gets. */
export async function clientCredentialsToken(server: TestServer, org: SeededOrg, options: { resource: string; scope?: string; clientScope: string }): Promise<{ token: string; clientId: string; basic: string }> {
  const client = await createAdminClient(server.db.prisma, { orgId: org.orgId, name: "Automation", grantTypes: ["client_credentials"], scope: options.clientScope, actor: { type: "system", label: "test" } });
  const basic = `Basic ${Buffer.from(`${encodeURIComponent(client.clientId)}:${encodeURIComponent(client.clientSecret)}`).toString("base64")}`;
  const tokens = await tokenRequest(server, org, { grant_type: "client_credentials", resource: options.resource, ...(options.scope ? { scope: options.scope } : {}) }, basic);
  return { token: tokens.access_token, clientId: client.clientId, basic };
}
