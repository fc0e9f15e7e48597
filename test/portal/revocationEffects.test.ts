import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setClientDisabled } from "@/lib/server/clients/setClientDisabled";
import { revokeGrant } from "@/lib/server/grants/revokeGrant";
import { revokeMyGrant } from "@/lib/server/grants/revokeMyGrant";
import { authorizeAs } from "../support/authorizeAs";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

// The portal's revocations seen from the protocol side: a real client, real tokens, the real
// token and introspection endpoints (the lean server path).
let server: TestServer;
let org: SeededOrg;
let as: oauth.AuthorizationServer;
const insecure = { [oauth.allowInsecureRequests]: true } as const;
const redirectUri = "http://127.0.0.1:43123/callback";

beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
  const issuer = new URL(`${server.origin}/orgs/${org.slug}`);
  as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { algorithm: "oauth2", ...insecure }));
});
afterAll(() => server.close());

const owner = () => ({ id: org.ownerId, email: org.ownerEmail });
const demo = () => `${server.origin}/mcp/${org.slug}/demo`;

/** A newly registered public client holding an access and a refresh token for the owner. */
async function connect() {
  const registration = await oauth.dynamicClientRegistrationRequest(
    as,
    { client_name: "Portal test", redirect_uris: ["http://127.0.0.1/callback"], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] },
    insecure,
  );
  const client = await oauth.processDynamicClientRegistrationResponse(registration);
  const verifier = oauth.generateRandomCodeVerifier();
  const redirect = await authorizeAs(owner(), org.slug, {
    response_type: "code",
    client_id: client.client_id,
    redirect_uri: redirectUri,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: "S256",
    scope: "mcp:tools",
    resource: demo(),
  });
  const params = oauth.validateAuthResponse(as, client, redirect, oauth.expectNoState);
  const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, redirectUri, verifier, { ...insecure, additionalParameters: { resource: demo() } });
  const tokens = await oauth.processAuthorizationCodeResponse(as, client, response);
  const row = await server.db.prisma.client.findFirstOrThrow({ where: { clientId: client.client_id }, include: { grants: true } });
  return { client, tokens, clientRowId: row.id, grantId: row.grants[0]!.id };
}

async function refreshError(client: oauth.Client, refreshToken: string) {
  const response = await oauth.refreshTokenGrantRequest(as, client, oauth.None(), refreshToken, insecure);
  expect([400, 401]).toContain(response.status);
  return ((await response.json()) as { error: string }).error;
}

async function active(client: oauth.Client, token: string) {
  const response = await oauth.introspectionRequest(as, client, oauth.None(), token, insecure);
  return (await oauth.processIntrospectionResponse(as, client, response)).active;
}

describe("revocation from the portal, seen by clients", () => {
  it("an admin's revoke kills the refresh token and the access token at once", async () => {
    const { client, tokens, grantId } = await connect();
    expect(await active(client, tokens.access_token)).toBe(true);
    await revokeGrant(server.db.prisma, { orgId: org.orgId, grantId, actor: owner() });
    expect(await refreshError(client, tokens.refresh_token!)).toBe("invalid_grant");
  });

  it("the user's own revoke does the same", async () => {
    const { client, tokens, grantId } = await connect();
    await revokeMyGrant(server.db.prisma, { orgId: org.orgId, grantId, user: owner() });
    expect(await refreshError(client, tokens.refresh_token!)).toBe("invalid_grant");
  });

  it("disabling a client revokes its grants: its tokens stop working, and stay dead after re-enabling", async () => {
    const { client, tokens, clientRowId, grantId } = await connect();
    expect(await setClientDisabled(server.db.prisma, { orgId: org.orgId, clientRowId, disabled: true, actor: owner() })).toEqual({ disabled: true, grantsRevoked: 1 });
    expect((await server.db.prisma.grant.findUniqueOrThrow({ where: { id: grantId } })).revokedAt).not.toBeNull();
    expect(await refreshError(client, tokens.refresh_token!)).toBe("invalid_client");

    await setClientDisabled(server.db.prisma, { orgId: org.orgId, clientRowId, disabled: false, actor: owner() });
    expect(await refreshError(client, tokens.refresh_token!)).toBe("invalid_grant");
    expect(await active(client, tokens.access_token)).toBe(false);
  });
});
