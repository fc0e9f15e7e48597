import * as oauth from "oauth4webapi";
import { describe, expect, it } from "vitest";
import { buildAuthorizationServerMetadata } from "./buildAuthorizationServerMetadata";

const issuer = "https://gatehouse.example/orgs/acme";

describe("buildAuthorizationServerMetadata", () => {
  const metadata = buildAuthorizationServerMetadata(issuer, { scopesSupported: ["mcp:tools", "mcp:admin"] });

  it("puts every endpoint under the issuer, as the URL map says", () => {
    expect(metadata).toMatchObject({
      issuer,
      authorization_endpoint: `${issuer}/api/v1/oauth/authorize`,
      token_endpoint: `${issuer}/api/v1/oauth/token`,
      registration_endpoint: `${issuer}/api/v1/oauth/register`,
      jwks_uri: `${issuer}/api/v1/oauth/jwks`,
      introspection_endpoint: `${issuer}/api/v1/oauth/introspect`,
      revocation_endpoint: `${issuer}/api/v1/oauth/revoke`,
    });
  });

  it("advertises code + PKCE S256 only, the three client auth methods, iss and CIMD", () => {
    expect(metadata).toMatchObject({
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
      introspection_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
      revocation_endpoint_auth_methods_supported: ["none", "client_secret_basic", "client_secret_post"],
      scopes_supported: ["mcp:tools", "mcp:admin"],
      authorization_response_iss_parameter_supported: true,
      client_id_metadata_document_supported: true,
    });
  });

  it("carries the fields OpenID Connect Discovery marks REQUIRED", () => {
    expect(metadata).toMatchObject({
      subject_types_supported: ["public"],
      id_token_signing_alg_values_supported: ["ES256"],
    });
  });

  it("omits registration and CIMD when the org turned them off, adds protected_resources when given", () => {
    const closed = buildAuthorizationServerMetadata(issuer, {
      scopesSupported: [],
      registrationEnabled: false,
      clientIdMetadataDocumentSupported: false,
      protectedResources: ["https://gatehouse.example/mcp/acme/demo"],
    });
    expect(closed).not.toHaveProperty("registration_endpoint");
    expect(closed).not.toHaveProperty("client_id_metadata_document_supported");
    expect(closed.protected_resources).toEqual(["https://gatehouse.example/mcp/acme/demo"]);
  });

  it("passes oauth4webapi's strict discovery processing for the org's issuer", async () => {
    const response = Response.json(metadata);
    const processed = await oauth.processDiscoveryResponse(new URL(issuer), response);
    expect(processed.issuer).toBe(issuer);
  });

  it.each([
    ["https://gatehouse.example/orgs/acme/", "must not end with a slash"],
    ["https://gatehouse.example/orgs/acme?x=1", "must have no query or fragment"],
    ["http://gatehouse.example/orgs/acme", "must use https"],
    ["/orgs/acme", "is not an absolute URL"],
    ["HTTPS://Gatehouse.example/orgs/acme", "is not in canonical form"],
  ])("refuses the non-canonical issuer %s", (bad, message) => {
    expect(() => buildAuthorizationServerMetadata(bad, { scopesSupported: [] })).toThrow(message);
  });

  it("accepts an http loopback issuer for local development", () => {
    expect(buildAuthorizationServerMetadata("http://localhost:3000/orgs/acme", { scopesSupported: [] }).issuer).toBe(
      "http://localhost:3000/orgs/acme",
    );
  });
});
