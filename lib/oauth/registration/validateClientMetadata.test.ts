import { describe, expect, it } from "vitest";
import { refusal } from "../test/refusal";
import { validateClientMetadata } from "./validateClientMetadata";

const open = { open: true };
const admin = { open: false };

/** What Claude Code / the MCP SDK send to an open registration endpoint. */
const mcpClient = {
  client_name: "Claude Code",
  redirect_uris: ["http://localhost:53682/callback"],
  grant_types: ["authorization_code", "refresh_token"],
  response_types: ["code"],
  token_endpoint_auth_method: "none",
};

describe("validateClientMetadata", () => {
  it("normalizes what an MCP client registers", () => {
    expect(validateClientMetadata(mcpClient, open)).toEqual({
      client_name: "Claude Code",
      redirect_uris: ["http://localhost:53682/callback"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      application_type: "web",
    });
  });

  it("applies the RFC 7591 defaults: authorization_code, code, client_secret_basic, web", () => {
    expect(validateClientMetadata({ redirect_uris: ["https://app.example/cb"] }, open)).toEqual({
      redirect_uris: ["https://app.example/cb"],
      grant_types: ["authorization_code"],
      response_types: ["code"],
      token_endpoint_auth_method: "client_secret_basic",
      application_type: "web",
    });
  });

  it("keeps the informational fields, drops unknown ones and removes duplicates", () => {
    const metadata = validateClientMetadata(
      {
        ...mcpClient,
        redirect_uris: ["com.example.app:/cb", "com.example.app:/cb"],
        application_type: "native",
        client_uri: "https://app.example",
        logo_uri: "https://app.example/logo.png",
        tos_uri: "https://app.example/tos",
        policy_uri: "https://app.example/privacy",
        scope: "mcp:tools  mcp:tools mcp:admin",
        contacts: ["ops@app.example"],
        software_id: "4NRB1-0XZABZI9E6-5SM3R",
        software_version: "2.1",
        "client_name#fr": "Code de Claude",
        jwks_uri: "https://app.example/jwks",
        client_secret: "chosen-by-client",
      },
      open,
    );
    expect(metadata).toEqual({
      client_name: "Claude Code",
      redirect_uris: ["com.example.app:/cb"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      application_type: "native",
      client_uri: "https://app.example",
      logo_uri: "https://app.example/logo.png",
      tos_uri: "https://app.example/tos",
      policy_uri: "https://app.example/privacy",
      scope: "mcp:tools mcp:admin",
      contacts: ["ops@app.example"],
      software_id: "4NRB1-0XZABZI9E6-5SM3R",
      software_version: "2.1",
    });
  });

  it("accepts a confidential client_credentials client when registration is not open", () => {
    const metadata = validateClientMetadata(
      { grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_post", scope: "servers:read" },
      admin,
    );
    expect(metadata).toMatchObject({ grant_types: ["client_credentials"], response_types: [], redirect_uris: [] });
  });

  it("allows loopback http for web clients (Claude Code, the Inspector register as web)", () => {
    expect(validateClientMetadata({ ...mcpClient, application_type: "web" }, open).redirect_uris).toEqual([
      "http://localhost:53682/callback",
    ]);
  });

  it.each([
    [{ ...mcpClient, redirect_uris: undefined }, "redirect_uris is required when grant_types includes authorization_code"],
    [{ ...mcpClient, redirect_uris: [] }, "redirect_uris must not be empty when grant_types includes authorization_code"],
    [{ ...mcpClient, redirect_uris: "https://app.example/cb" }, "redirect_uris must be an array of strings"],
    [
      { ...mcpClient, redirect_uris: Array.from({ length: 21 }, (_, i) => `https://app.example/${i}`) },
      "redirect_uris has more than 20 entries",
    ],
    [
      { ...mcpClient, redirect_uris: ["https://app.example/ok", "http://app.example/cb"] },
      'redirect_uris[1] "http://app.example/cb" uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https',
    ],
    [
      { ...mcpClient, redirect_uris: ["javascript:alert(document.cookie)"] },
      'redirect_uris[0] "javascript:alert(document.cookie)" uses the scheme "javascript", which is not allowed',
    ],
    [{ ...mcpClient, redirect_uris: ["https://app.example/cb#top"] }, 'redirect_uris[0] "https://app.example/cb#top" must not include a fragment'],
  ])("refuses bad redirect URIs with invalid_redirect_uri (%#)", (body, description) => {
    expect(refusal(() => validateClientMetadata(body, open))).toEqual({
      error: "invalid_redirect_uri",
      error_description: description,
      status: 400,
    });
  });

  it.each([
    [null, "the request body must be a JSON object"],
    [[mcpClient], "the request body must be a JSON object"],
    [{ ...mcpClient, grant_types: ["password"] }, 'grant_types: "password" is not supported (supported: authorization_code, refresh_token, client_credentials)'],
    [{ ...mcpClient, grant_types: ["implicit"] }, 'grant_types: "implicit" is not supported (supported: authorization_code, refresh_token, client_credentials)'],
    [{ ...mcpClient, grant_types: "authorization_code" }, "grant_types must be an array of strings"],
    [{ ...mcpClient, grant_types: [] }, "grant_types must not be empty"],
    [{ ...mcpClient, grant_types: ["refresh_token"] }, "grant_types: refresh_token is only issued with authorization_code"],
    [{ ...mcpClient, response_types: ["token"] }, 'response_types: "token" is not supported (supported: code)'],
    [{ ...mcpClient, response_types: [] }, 'response_types must include "code" when grant_types includes authorization_code'],
    [
      { grant_types: ["client_credentials"], response_types: ["code"], token_endpoint_auth_method: "client_secret_basic" },
      'response_types "code" requires grant_types to include authorization_code',
    ],
    [
      { ...mcpClient, token_endpoint_auth_method: "private_key_jwt" },
      'token_endpoint_auth_method: "private_key_jwt" is not supported (supported: none, client_secret_basic, client_secret_post)',
    ],
    [{ ...mcpClient, application_type: "desktop" }, 'application_type: "desktop" is not supported (supported: web, native)'],
    [{ ...mcpClient, client_name: "" }, "client_name must be a non-empty string"],
    [{ ...mcpClient, client_name: "x".repeat(201) }, "client_name is longer than 200 characters"],
    [{ ...mcpClient, client_name: "a\u0000b" }, "client_name contains control characters"],
    [{ ...mcpClient, logo_uri: "http://app.example/logo.png" }, 'logo_uri "http://app.example/logo.png" must be an absolute https URL'],
    [{ ...mcpClient, client_uri: "javascript:alert(1)" }, 'client_uri "javascript:alert(1)" must be an absolute https URL'],
    [{ ...mcpClient, client_uri: "https://good.example@evil.example" }, 'client_uri "https://good.example@evil.example" must not include user information'],
    [{ ...mcpClient, scope: ["mcp:tools"] }, "scope must be a space-separated string"],
    [{ ...mcpClient, scope: 'mcp:"tools"' }, "scope contains characters not allowed in a scope (RFC 6749 §3.3)"],
    [{ ...mcpClient, contacts: "ops@app.example" }, "contacts must be an array of strings"],
  ])("refuses bad metadata with invalid_client_metadata (%#)", (body, description) => {
    expect(refusal(() => validateClientMetadata(body, open))).toEqual({
      error: "invalid_client_metadata",
      error_description: description,
      status: 400,
    });
  });

  it.each([
    [{ grant_types: ["client_credentials"], token_endpoint_auth_method: "client_secret_basic" }, open, "grant_types: client_credentials is not available through open registration"],
    [{ grant_types: ["client_credentials"], token_endpoint_auth_method: "none" }, admin, 'grant_types: client_credentials requires a token_endpoint_auth_method other than "none"'],
  ])("refuses client_credentials where it cannot be trusted (%#)", (body, policy, description) => {
    expect(refusal(() => validateClientMetadata(body, policy))).toMatchObject({
      error: "invalid_client_metadata",
      error_description: description,
    });
  });

  describe("RFC 7592 update", () => {
    const update = { open: true, update: { clientId: "c-123" } };

    it("requires the body to repeat the client's id", () => {
      expect(refusal(() => validateClientMetadata(mcpClient, update))).toMatchObject({
        error: "invalid_request",
        error_description: "client_id must be present and equal to the client being updated",
      });
      expect(refusal(() => validateClientMetadata({ ...mcpClient, client_id: "c-999" }, update))).toMatchObject({
        error: "invalid_request",
      });
    });

    it("ignores the server-issued fields a client echoes back", () => {
      const echoed = { ...mcpClient, client_id: "c-123", client_id_issued_at: 1, registration_access_token: "x" };
      expect(validateClientMetadata(echoed, update)).not.toHaveProperty("registration_access_token");
    });
  });
});
