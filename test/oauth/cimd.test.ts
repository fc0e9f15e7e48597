import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { authorizeAs } from "../support/authorizeAs";
import { type DocumentServer, startDocumentServer } from "../support/startDocumentServer";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

let server: TestServer;
let docs: DocumentServer;
let org: SeededOrg;
const REDIRECT = "http://127.0.0.1/callback";

beforeAll(async () => {
  docs = await startDocumentServer((req, res, origin) => {
    const document = (clientId: string) => JSON.stringify({ client_id: clientId, client_name: "Doc Client", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] });
    switch (req.url) {
      case "/good.json":
        res.writeHead(200, { "content-type": "application/json", "cache-control": "max-age=600" }).end(document(`${origin}/good.json`));
        return;
      case "/mismatch.json":
        res.writeHead(200, { "content-type": "application/json" }).end(document("https://other.example/client.json"));
        return;
      case "/redirect.json":
        res.writeHead(302, { location: `${origin}/good.json` }).end();
        return;
      case "/huge.json":
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ client_id: `${origin}/huge.json`, padding: "x".repeat(100_000) }));
        return;
      default:
        res.writeHead(404).end();
    }
  });
  server = await startTestServer({ GATEHOUSE_CIMD_ALLOW_LOOPBACK: "true" });
  (globalThis as Record<string, unknown>).__gatehouseCimdTestCa = docs.ca;
  org = await seedOrg(server.db.prisma);
});
afterAll(async () => {
  await server.close();
  await docs.close();
});

async function attempt(clientId: string) {
  const runtime = await getOAuthRuntime();
  const query = new URLSearchParams({ response_type: "code", client_id: clientId, redirect_uri: "http://127.0.0.1:5555/callback", code_challenge: "a".repeat(43), code_challenge_method: "S256" });
  return prepareAuthorization(runtime, org.slug, query, { id: org.ownerId, email: org.ownerEmail, name: null });
}

describe("Client ID Metadata Documents", () => {
  it("fetches the document on first use, then authorizes and exchanges a code like any client", async () => {
    const clientId = `${docs.origin}/good.json`;
    const verifier = oauth.generateRandomCodeVerifier();
    const redirect = await authorizeAs({ id: org.ownerId, email: org.ownerEmail }, org.slug, {
      response_type: "code", client_id: clientId, redirect_uri: "http://127.0.0.1:5555/callback", state: "s1",
      code_challenge: await oauth.calculatePKCECodeChallenge(verifier), code_challenge_method: "S256",
    });
    const row = await server.db.prisma.client.findFirstOrThrow({ where: { clientId } });
    expect(row).toMatchObject({ source: "cimd", name: "Doc Client", tokenEndpointAuthMethod: "none", secretHash: null });
    expect(row.metadataExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 500_000);

    const issuer = new URL(`${server.origin}/orgs/${org.slug}`);
    const as = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, { [oauth.allowInsecureRequests]: true }));
    const client = { client_id: clientId };
    const params = oauth.validateAuthResponse(as, client, redirect, "s1");
    const response = await oauth.authorizationCodeGrantRequest(as, client, oauth.None(), params, "http://127.0.0.1:5555/callback", verifier, { [oauth.allowInsecureRequests]: true });
    expect((await oauth.processAuthorizationCodeResponse(as, client, response)).access_token).toBeTruthy();
  });

  it.each([
    ["a document whose client_id is another URL", "/mismatch.json", "invalid_client_metadata"],
    ["a URL that redirects", "/redirect.json", "invalid_client_metadata"],
    ["a document over the size limit", "/huge.json", "invalid_client_metadata"],
    ["a URL that answers 404", "/missing.json", "invalid_client_metadata"],
  ])("refuses %s with an error page, never a redirect", async (_name, path, error) => {
    const step = await attempt(`${docs.origin}${path}`);
    expect(step.kind).toBe("error-page");
    if (step.kind === "error-page") expect(step.error.error).toBe(error);
  });

  it("names the reason on the error page", async () => {
    const step = await attempt(`${docs.origin}/redirect.json`);
    expect(step.kind === "error-page" && step.error.description).toBe("the client metadata document URL redirects; redirects are not followed");
  });

  it("ignores metadata documents when the org turned CIMD off", async () => {
    await server.db.prisma.org.update({ where: { id: org.orgId }, data: { cimdPolicy: "off" } });
    await server.db.changes.caughtUp();
    const step = await attempt(`${docs.origin}/good.json`);
    await server.db.prisma.org.update({ where: { id: org.orgId }, data: { cimdPolicy: "any_public_host" } });
    await server.db.changes.caughtUp();
    expect(step.kind === "error-page" && step.error.toResponseBody()).toEqual({ error: "invalid_request", error_description: "client_id is not registered with this authorization server" });
  });
});
