import { decodeJwt } from "jose";
import { beforeEach, describe, expect, it } from "vitest";
import { asyncRefusal } from "../test/refusal";
import { CLIENT_SECRET, createHarness, NOW, REDIRECT_URI, VERIFIER, type Harness } from "../test/tokenHarness";
import { processTokenRequest } from "./processTokenRequest";

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
});

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString("base64")}`;

describe("processTokenRequest", () => {
  it("runs the whole public-client flow: code, then refresh", async () => {
    const { code } = await h.issueCode();
    const first = await processTokenRequest(
      { form: new URLSearchParams({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, client_id: "client-public" }) },
      h.deps,
    );
    const second = await processTokenRequest(
      { form: new URLSearchParams({ grant_type: "refresh_token", refresh_token: first.refresh_token!, client_id: "client-public" }) },
      h.deps,
    );
    expect(decodeJwt(second.access_token).client_id).toBe("client-public");
  });

  it("runs client_credentials with Basic authentication", async () => {
    const response = await processTokenRequest(
      { authorization: basic("client-confidential", CLIENT_SECRET), form: new URLSearchParams({ grant_type: "client_credentials" }) },
      h.deps,
    );
    expect(decodeJwt(response.access_token)).toMatchObject({ sub: "client-confidential", iat: NOW.getTime() / 1000 });
  });

  it.each([
    ["no grant_type", "client_id=client-public", "invalid_request", "grant_type is required", 400],
    ["password grant", "grant_type=password&client_id=client-public", "unsupported_grant_type", 'grant_type "password" is not supported', 400],
    ["implicit-style grant", "grant_type=implicit&client_id=client-public", "unsupported_grant_type", 'grant_type "implicit" is not supported', 400],
    ["prototype key as grant", "grant_type=constructor&client_id=client-public", "unsupported_grant_type", 'grant_type "constructor" is not supported', 400],
    ["duplicate code", "grant_type=authorization_code&code=a&code=b&client_id=client-public", "invalid_request", 'parameter "code" is included more than once', 400],
    ["unknown client", "grant_type=client_credentials&client_id=nobody", "invalid_client", "client authentication failed: unknown client", 401],
    ["public client asking client_credentials", "grant_type=client_credentials&client_id=client-public", "unauthorized_client", "this client is not registered for the client_credentials grant", 400],
  ])("refuses %s", async (_case, body, error, description, status) => {
    expect(await asyncRefusal(() => processTokenRequest({ form: new URLSearchParams(body) }, h.deps))).toEqual({ error, error_description: description, status });
  });
});
