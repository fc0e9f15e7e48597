import { describe, expect, it } from "vitest";
import { buildProtectedResourceMetadata } from "./buildProtectedResourceMetadata";
import { protectedResourceMetadataUrl } from "./protectedResourceMetadataUrl";

describe("protectedResourceMetadataUrl (RFC 9728 §3.1)", () => {
  it.each([
    ["https://auth.example.com/mcp/acme/demo", "https://auth.example.com/.well-known/oauth-protected-resource/mcp/acme/demo"],
    ["https://auth.example.com", "https://auth.example.com/.well-known/oauth-protected-resource"],
    ["http://127.0.0.1:3000/orgs/acme/api/v1", "http://127.0.0.1:3000/.well-known/oauth-protected-resource/orgs/acme/api/v1"],
    ["https://mcp.example.com/mcp?tenant=1", "https://mcp.example.com/.well-known/oauth-protected-resource/mcp?tenant=1"],
  ])("%s -> %s", (resource, expected) => {
    expect(protectedResourceMetadataUrl(resource)).toBe(expected);
  });
});

describe("buildProtectedResourceMetadata", () => {
  it("publishes the identifier, the issuer, the scopes without offline_access, header bearer only", () => {
    expect(
      buildProtectedResourceMetadata({ resource: "https://h/mcp/a/demo", issuer: "https://h/orgs/a", scopes: ["mcp:tools", "offline_access", "mcp:tools", "mcp:admin"], name: "Demo" }),
    ).toEqual({
      resource: "https://h/mcp/a/demo",
      authorization_servers: ["https://h/orgs/a"],
      scopes_supported: ["mcp:tools", "mcp:admin"],
      bearer_methods_supported: ["header"],
      resource_name: "Demo",
    });
  });
});
