import { describe, expect, it } from "vitest";
import type { FlowStep } from "./FlowStep";
import { runClientFlow } from "./runClientFlow";

const ORIGIN = "https://gh.test";
const ISSUER = `${ORIGIN}/orgs/acme`;
const RESOURCE = `${ORIGIN}/mcp/acme/files`;
const REDIRECT = `${ORIGIN}/orgs/acme/flow-tester/callback`;
const CONFIGURATION = `${ISSUER}/api/v1/oauth/register/dcr_abc`;
const REGISTRATION_TOKEN = "rat-0123456789abcdef";

const json = (status: number, body: unknown) => new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * A scripted authorization server and protected resource (hosted elsewhere, so no MCP calls): the
 * registration answer and the token and DELETE answers are the test's to choose.
 */
function world(options: { registration?: Record<string, unknown>; token?: () => Response; deleted?: () => Response } = {}) {
  const requests: { method: string; url: string; authorization: string | null }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    const method = init?.method ?? "GET";
    requests.push({ method, url, authorization: new Headers(init?.headers).get("authorization") });
    if (url === RESOURCE && method === "POST") {
      return new Response(null, { status: 401, headers: { "www-authenticate": `Bearer resource_metadata="${ORIGIN}/.well-known/oauth-protected-resource/mcp/acme/files"` } });
    }
    if (url === `${ORIGIN}/.well-known/oauth-protected-resource/mcp/acme/files`) return json(200, { resource: RESOURCE, authorization_servers: [ISSUER] });
    if (url === `${ORIGIN}/.well-known/oauth-authorization-server/orgs/acme`) {
      return json(200, {
        issuer: ISSUER,
        authorization_endpoint: `${ISSUER}/api/v1/oauth/authorize`,
        token_endpoint: `${ISSUER}/api/v1/oauth/token`,
        registration_endpoint: `${ISSUER}/api/v1/oauth/register`,
        code_challenge_methods_supported: ["S256"],
        authorization_response_iss_parameter_supported: true,
      });
    }
    if (url === `${ISSUER}/api/v1/oauth/register` && method === "POST") {
      return json(201, options.registration ?? { client_id: "dcr_abc", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none", registration_access_token: REGISTRATION_TOKEN, registration_client_uri: CONFIGURATION });
    }
    if (url === `${ISSUER}/api/v1/oauth/token`) return options.token?.() ?? json(200, { access_token: "opaque-access-token", token_type: "Bearer", expires_in: 3600, scope: "files:read" });
    if (url === CONFIGURATION && method === "DELETE") return options.deleted?.() ?? new Response(null, { status: 204 });
    return new Response(null, { status: 404 });
  };
  return { fetch, requests };
}

async function run(w: ReturnType<typeof world>) {
  const steps = await runClientFlow(
    { resource: RESOURCE, probeUrl: RESOURCE, gatewayUrl: null, redirectUri: REDIRECT, scopes: ["files:read"], clientName: "Gatehouse flow tester" },
    { fetch: w.fetch as typeof fetch, authorize: async (_url, state) => `${REDIRECT}?code=the-code&state=${state}&iss=${encodeURIComponent(ISSUER)}`, onUpdate: () => undefined },
  );
  const byId = (id: FlowStep["id"]) => steps.find((step) => step.id === id)!;
  return { steps, byId, deletes: w.requests.filter((request) => request.method === "DELETE") };
}

describe("runClientFlow's cleanup", () => {
  it("deletes the registered client at the end, as the last step, its credential redacted", async () => {
    const { steps, byId, deletes } = await run(world());
    expect(steps.at(-1)).toMatchObject({ id: "cleanup", title: "Clean up: delete the test client (RFC 7592)", status: "passed", summary: "Deleted the client dcr_abc; the grant and tokens of this run went with it." });
    expect(byId("token").status).toBe("passed");
    expect(deletes).toEqual([{ method: "DELETE", url: CONFIGURATION, authorization: `Bearer ${REGISTRATION_TOKEN}` }]);
    expect(byId("cleanup").exchanges).toEqual([
      { request: { method: "DELETE", url: CONFIGURATION, headers: { authorization: "Bearer rat-0123… (20 characters, redacted)" }, body: undefined }, response: { status: 204, headers: {}, body: "" } },
    ]);
  });

  it("deletes the client also when a step after registration fails", async () => {
    const { byId, deletes } = await run(world({ token: () => json(400, { error: "invalid_grant", error_description: "the code has expired" }) }));
    expect(byId("token")).toMatchObject({ status: "failed", summary: "400 invalid_grant: the code has expired" });
    expect(byId("cleanup").status).toBe("passed");
    expect(deletes).toHaveLength(1);
  });

  it("says the client was left, and why, when the registration response has no registration_access_token", async () => {
    const { byId, deletes } = await run(world({ registration: { client_id: "dcr_abc", redirect_uris: [REDIRECT], token_endpoint_auth_method: "none", registration_client_uri: CONFIGURATION } }));
    expect(byId("cleanup")).toMatchObject({
      status: "skipped",
      next: "The client dcr_abc was left: the registration response has no registration_access_token (RFC 7592 §3), so this page cannot delete it. Delete it from Clients.",
      exchanges: [],
    });
    expect(deletes).toEqual([]);
  });

  it("shows a refused DELETE as a failed step", async () => {
    const { byId } = await run(world({ deleted: () => json(401, { error: "invalid_token", error_description: "The registration access token is not valid for this client" }) }));
    expect(byId("cleanup")).toMatchObject({ status: "failed", summary: "Expected 204 No Content, got 401: the client dcr_abc was left.", next: "Delete it from Clients. A client that wants to unregister would stop here." });
  });

  it("does not run when no client was registered", async () => {
    const { byId, deletes } = await run(world({ registration: { error: "invalid_client_metadata" } }));
    expect(byId("registration").status).toBe("failed");
    expect(byId("cleanup")).toMatchObject({ status: "skipped", next: "Not run: no client was registered." });
    expect(deletes).toEqual([]);
  });
});
