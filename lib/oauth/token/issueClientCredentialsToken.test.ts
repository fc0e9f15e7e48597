import { decodeJwt } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import type { ClientRecord } from "../ports";
import { DEMO_RESOURCE, OTHER_RESOURCE } from "../test/fixtures";
import { asyncRefusal } from "../test/refusal";
import { createHarness, form, type Harness } from "../test/tokenHarness";
import { issueClientCredentialsToken } from "./issueClientCredentialsToken";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

function issue(values: Record<string, string>, client: ClientRecord = h.confidential, extra = "") {
  return issueClientCredentialsToken({ client, params: form({ grant_type: "client_credentials", ...values }, extra) }, h.deps);
}

describe("issueClientCredentialsToken", () => {
  it("issues a token for the default resource with the allowed default scopes, sub = client_id, no refresh token", async () => {
    const response = await issue({});
    expect(response).toEqual({ access_token: expect.any(String), token_type: "Bearer", expires_in: 3600, scope: "mcp:tools" });
    const claims = decodeJwt(response.access_token);
    expect(claims).toMatchObject({ sub: "client-confidential", client_id: "client-confidential", aud: DEMO_RESOURCE, scope: "mcp:tools" });
    expect(h.grants.grants.get(claims.grant_id as string)).toMatchObject({ userId: null, clientRowId: h.confidential.id, resource: DEMO_RESOURCE, scopes: ["mcp:tools"] });
  });

  it("takes an explicit resource and scope within the client's registered scope", async () => {
    const response = await issue({ resource: OTHER_RESOURCE, scope: "files:read" });
    expect(decodeJwt(response.access_token)).toMatchObject({ aud: OTHER_RESOURCE, scope: "files:read" });
  });

  it("reuses the client's live grant for the same resource and scopes", async () => {
    const first = decodeJwt((await issue({})).access_token).grant_id;
    const second = decodeJwt((await issue({})).access_token).grant_id;
    expect(second).toBe(first);
    expect(h.grants.grants.size).toBe(1);
  });

  it("lets a client with no registered scope ask for any scope of the resource", async () => {
    const anyScope = { ...h.confidential, scope: null };
    expect((await issue({ scope: "mcp:admin" }, anyScope)).scope).toBe("mcp:admin");
  });

  it.each<[string, Record<string, string>, Partial<ClientRecord>, string, string, string?]>([
    ["wrong grant_type", { grant_type: "authorization_code" }, {}, "unsupported_grant_type", 'this operation handles grant_type "client_credentials" only'],
    ["client without the grant", {}, { grantTypes: ["authorization_code"] }, "unauthorized_client", "this client is not registered for the client_credentials grant"],
    ["public client", {}, { tokenEndpointAuthMethod: "none", secretHash: null }, "unauthorized_client", "the client_credentials grant is only available to confidential clients"],
    ["scope outside the client's", { scope: "mcp:admin" }, {}, "invalid_scope", 'scope "mcp:admin" is not allowed for this client'],
    ["scope not of the resource", { scope: "files:read" }, {}, "invalid_scope", `scope "files:read" is not defined for resource "${DEMO_RESOURCE}"`],
    ["unknown resource", { resource: "https://evil.example/mcp" }, {}, "invalid_target", 'resource "https://evil.example/mcp" is not protected by this authorization server'],
    ["two resources", {}, {}, "invalid_target", "only one resource may be requested per token", `&resource=${DEMO_RESOURCE}&resource=${OTHER_RESOURCE}`],
  ])("refuses %s", async (_case, values, clientOverrides, error, description, extra) => {
    expect(await asyncRefusal(() => issue(values, { ...h.confidential, ...clientOverrides }, extra))).toEqual({ error, error_description: description, status: 400 });
    expect(h.grants.grants.size).toBe(0);
  });
});
