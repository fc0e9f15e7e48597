import { beforeEach, describe, expect, it } from "vitest";
import { processRevocationRequest } from "../revocation/processRevocationRequest";
import { asyncRefusal } from "../test/refusal";
import { CLIENT_SECRET, createHarness, form, REDIRECT_URI, VERIFIER, type Harness } from "../test/tokenHarness";
import { exchangeAuthorizationCode } from "../token/exchangeAuthorizationCode";
import { processIntrospectionRequest } from "./processIntrospectionRequest";

let h: Harness;
let accessToken: string;
beforeEach(async () => {
  h = await createHarness();
  const { code } = await h.issueCode();
  const params = form({ grant_type: "authorization_code", code, redirect_uri: REDIRECT_URI, code_verifier: VERIFIER, client_id: "client-public" });
  accessToken = (await exchangeAuthorizationCode({ client: h.publicOne, params }, h.deps)).access_token;
});

const rsAuth = `Basic ${Buffer.from(`client-rs:${CLIENT_SECRET}`).toString("base64")}`;

describe("processIntrospectionRequest / processRevocationRequest", () => {
  it("authenticates the resource server, then introspects", async () => {
    const result = await processIntrospectionRequest({ authorization: rsAuth, form: new URLSearchParams({ token: accessToken }) }, h.deps);
    expect(result).toMatchObject({ active: true, client_id: "client-public" });
  });

  it("lets the public client revoke its own token by client_id, after which introspection says inactive", async () => {
    await processRevocationRequest({ form: new URLSearchParams({ token: accessToken, client_id: "client-public" }) }, h.deps);
    expect(await processIntrospectionRequest({ authorization: rsAuth, form: new URLSearchParams({ token: accessToken }) }, h.deps)).toEqual({ active: false });
  });

  it.each([
    ["wrong secret", `Basic ${Buffer.from("client-rs:guess").toString("base64")}`, `token=x`, "invalid_client", "client authentication failed: wrong client secret", 401],
    ["no client at all", undefined, "token=x", "invalid_client", "client authentication is required: send client_id", 401],
    ["duplicate token", rsAuth, "token=a&token=b", "invalid_request", 'parameter "token" is included more than once', 400],
  ])("refuses %s", async (_case, authorization, body, error, description, status) => {
    for (const run of [processIntrospectionRequest, processRevocationRequest]) {
      expect(await asyncRefusal(() => run({ authorization, form: new URLSearchParams(body) }, h.deps))).toEqual({ error, error_description: description, status });
    }
  });
});
