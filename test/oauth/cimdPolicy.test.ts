import * as oauth from "oauth4webapi";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CimdPolicy } from "@/generated/prisma/client";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";
import { authorizeAs } from "../support/authorizeAs";
import { type DocumentServer, startDocumentServer } from "../support/startDocumentServer";
import { seedOrg, type SeededOrg } from "../support/seedOrg";
import { startTestServer, type TestServer } from "../support/startTestServer";

// The org's CIMD policy, black-box: an authorization request with an https client_id, the
// document served over https from 127.0.0.1 (loopback allowed for the test), and the metadata.
let server: TestServer;
let docs: DocumentServer;
let org: SeededOrg;
let fetched = 0;
const REDIRECT = "http://127.0.0.1/callback";
const NOT_LISTED = "client_id is not registered with this authorization server: this organization accepts Client ID Metadata Documents only from listed hosts, and 127.0.0.1 is not one of them";

beforeAll(async () => {
  docs = await startDocumentServer((req, res, origin) => {
    fetched++;
    if (req.url !== "/client.json") return void res.writeHead(404).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ client_id: `${origin}/client.json`, client_name: "Listed Client", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none", grant_types: ["authorization_code", "refresh_token"] }));
  });
  server = await startTestServer({ GATEHOUSE_CIMD_ALLOW_LOOPBACK: "true" });
  (globalThis as Record<string, unknown>).__gatehouseCimdTestCa = docs.ca;
  org = await seedOrg(server.db.prisma);
});
afterAll(async () => {
  await server.close();
  await docs.close();
});

const clientId = () => `${docs.origin}/client.json`;
async function setPolicy(cimdPolicy: CimdPolicy, cimdAllowedHosts: string[] = []) {
  await server.db.prisma.org.update({ where: { id: org.orgId }, data: { cimdPolicy, cimdAllowedHosts } });
  await server.db.changes.caughtUp();
}

async function attempt() {
  const runtime = await getOAuthRuntime();
  const query = new URLSearchParams({ response_type: "code", client_id: clientId(), redirect_uri: "http://127.0.0.1:5555/callback", code_challenge: "a".repeat(43), code_challenge_method: "S256" });
  const step = await prepareAuthorization(runtime, org.slug, query, { id: org.ownerId, email: org.ownerEmail, name: null });
  return step.kind === "error-page" ? step.error.toResponseBody() : step.kind;
}

async function metadata() {
  return (await fetch(`${server.origin}/.well-known/oauth-authorization-server/orgs/${org.slug}`)).json() as Promise<Record<string, unknown>>;
}

describe("the org's Client ID Metadata Document policy", () => {
  it("refuses a host that is not on the list, before fetching anything", async () => {
    await setPolicy("listed_hosts", ["clients.example.com"]);
    expect(await attempt()).toEqual({ error: "invalid_request", error_description: NOT_LISTED });
    expect(fetched).toBe(0);
    expect(await server.db.prisma.client.count({ where: { orgId: org.orgId, clientId: clientId() } })).toBe(0);
  });

  it("accepts a listed host: the document is fetched and the request goes on to consent", async () => {
    await setPolicy("listed_hosts", ["clients.example.com", "127.0.0.1"]);
    expect(await attempt()).toBe("ready");
    expect(fetched).toBe(1);
    expect(await server.db.prisma.client.findFirstOrThrow({ where: { orgId: org.orgId, clientId: clientId() } })).toMatchObject({ source: "cimd", name: "Listed Client" });
    expect(await metadata()).toMatchObject({ client_id_metadata_document_supported: true });
  });

  it("refuses a client already stored once its host leaves the list", async () => {
    await setPolicy("listed_hosts", ["clients.example.com"]);
    expect(await attempt()).toEqual({ error: "invalid_request", error_description: NOT_LISTED });
  });

  it("accepts any public host under any_public_host (loopback admitted for the test)", async () => {
    await setPolicy("any_public_host", ["clients.example.com"]);
    expect(await attempt()).toBe("ready");
  });

  it("treats an https client_id as unknown when the policy is off, and says so in the metadata", async () => {
    await setPolicy("off", ["127.0.0.1"]);
    expect(await attempt()).toEqual({ error: "invalid_request", error_description: "client_id is not registered with this authorization server" });
    expect(await metadata()).not.toHaveProperty("client_id_metadata_document_supported");
  });
});

// A client from an accepted host holds a code and a refresh token; then the admin narrows the
// policy. At the token endpoint the client can no longer be identified: RFC 6749 §5.2
// invalid_client (401), like every other failed client authentication there.
describe("a CIMD client the org no longer accepts, at the token endpoint", () => {
  const LOOPBACK = "http://127.0.0.1:5555/callback";
  let code: string;
  let verifier: string;
  let refreshToken: string;

  async function authorize() {
    const pkceVerifier = oauth.generateRandomCodeVerifier();
    const redirect = await authorizeAs({ id: org.ownerId, email: org.ownerEmail }, org.slug, {
      response_type: "code", client_id: clientId(), redirect_uri: LOOPBACK, state: "s",
      code_challenge: await oauth.calculatePKCECodeChallenge(pkceVerifier), code_challenge_method: "S256",
    });
    return { code: redirect.searchParams.get("code")!, verifier: pkceVerifier };
  }
  const token = async (fields: Record<string, string>) => {
    const response = await fetch(`${server.origin}/orgs/${org.slug}/api/v1/oauth/token`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: new URLSearchParams({ client_id: clientId(), ...fields }) });
    return { status: response.status, wwwAuthenticate: response.headers.get("www-authenticate"), body: (await response.json()) as Record<string, unknown> };
  };
  const redeem = () => token({ grant_type: "authorization_code", code, redirect_uri: LOOPBACK, code_verifier: verifier });
  const refresh = () => token({ grant_type: "refresh_token", refresh_token: refreshToken });
  const refused = (reason: string) => ({ status: 401, wwwAuthenticate: null, body: { error: "invalid_client", error_description: `client authentication failed: ${reason}` } });

  beforeAll(async () => {
    await setPolicy("listed_hosts", ["127.0.0.1"]);
    const first = await authorize();
    const issued = await token({ grant_type: "authorization_code", code: first.code, redirect_uri: LOOPBACK, code_verifier: first.verifier });
    expect(issued.status).toBe(200);
    refreshToken = issued.body.refresh_token as string;
    ({ code, verifier } = await authorize());
  });

  it("refuses the authorization code and the refresh token with invalid_client once the host leaves the list", async () => {
    await setPolicy("listed_hosts", ["clients.example.com"]);
    const reason = "this organization no longer accepts Client ID Metadata Documents from 127.0.0.1";
    expect(await redeem()).toEqual(refused(reason));
    expect(await refresh()).toEqual(refused(reason));
  });

  it("refuses them with invalid_client once CIMD is off", async () => {
    await setPolicy("off", ["127.0.0.1"]);
    const reason = "this organization no longer accepts Client ID Metadata Documents as client_id";
    expect(await redeem()).toEqual(refused(reason));
    expect(await refresh()).toEqual(refused(reason));
  });

  it("still honours them when the host is listed again: the refusal consumed nothing", async () => {
    await setPolicy("listed_hosts", ["127.0.0.1"]);
    expect((await redeem()).status).toBe(200);
    expect((await refresh()).status).toBe(200);
  });
});
