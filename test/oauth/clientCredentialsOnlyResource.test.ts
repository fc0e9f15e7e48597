import { afterAll, beforeAll, expect, it } from "vitest";
import { authorizeAs } from "../support/authorizeAs";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

let server: TestServer;
let org: SeededOrg;
let clientId: string;
beforeAll(async () => {
  server = await startTestServer();
  org = await seedOrg(server.db.prisma);
  const response = await fetch(`${server.origin}/orgs/${org.slug}/api/v1/oauth/register`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ redirect_uris: ["http://127.0.0.1/cb"], token_endpoint_auth_method: "none" }),
  });
  clientId = (await response.json()).client_id;
});
afterAll(() => server.close());

it("refuses to let a user authorize a client for the management API (client credentials only), with invalid_target back to the client", async () => {
  const resource = `${server.origin}/orgs/${org.slug}/api/v1`;
  const redirect = await authorizeAs({ id: org.ownerId, email: org.ownerEmail }, org.slug, {
    response_type: "code", client_id: clientId, redirect_uri: "http://127.0.0.1:7777/cb", state: "st",
    code_challenge: "a".repeat(43), code_challenge_method: "S256", resource, scope: "servers:read",
  });
  expect(Object.fromEntries(redirect.searchParams)).toEqual({
    error: "invalid_target",
    error_description: `resource "${resource}" accepts only client credentials tokens, not user authorization`,
    state: "st",
    iss: `${server.origin}/orgs/${org.slug}`,
  });
  expect(await server.db.prisma.grant.count({ where: { orgId: org.orgId } })).toBe(0);
});
