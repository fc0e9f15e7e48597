import { describe, expect, it } from "vitest";
import { refusal } from "../test/refusal";
import { validateClientIdUrl } from "./validateClientIdUrl";
import { validateClientMetadataDocument } from "./validateClientMetadataDocument";

const URL_ = "https://app.example/oauth/client-metadata.json";
const doc = {
  client_id: URL_,
  client_name: "Example MCP Client",
  client_uri: "https://app.example",
  redirect_uris: ["http://127.0.0.1/callback", "https://app.example/cb"],
  grant_types: ["authorization_code", "refresh_token"],
  response_types: ["code"],
};

describe("validateClientIdUrl", () => {
  it.each([[URL_], ["https://app.example:8443/client.json"], ["https://app.example/client?v=2"], ["https://app.example/a/b/c"]])("accepts %s", (url) => {
    expect(validateClientIdUrl(url).href).toBeDefined();
  });

  it.each([
    ["http://app.example/client.json", "must be an https URL with a host and a path"],
    ["HTTPS://app.example/client.json", "must be an https URL with a host and a path"],
    ["https://app.example", "must be an https URL with a host and a path"],
    ["https://app.example?x=1", "must be an https URL with a host and a path"],
    ["https://app.example/", "must have a path naming the document"],
    ["https://app.example/client.json#frag", "must not include a fragment"],
    ["https://user:pw@app.example/client.json", "must not include user information"],
    ["https://app.example@evil.example/client.json", "must not include user information"],
    ["https://app.example/a/../client.json", "must not contain . or .. path segments"],
    ["https://app.example/./client.json", "must not contain . or .. path segments"],
    ["https://app.example/a/%2e%2E/client.json", "must not contain . or .. path segments"],
    ["https://app.example/cli ent.json", "contains whitespace, control characters or a backslash"],
    ["https:/\\evil.example/client.json", "contains whitespace, control characters or a backslash"],
    [`https://app.example/${"a".repeat(2000)}`, "is longer than 2000 characters"],
  ])("refuses %s", (url, problem) => {
    const shown = url.length > 100 ? `${url.slice(0, 100)}...` : url;
    expect(refusal(() => validateClientIdUrl(url))).toEqual({
      error: "invalid_client_metadata",
      error_description: `client_id "${shown}" ${problem}`,
      status: 400,
    });
  });
});

describe("validateClientMetadataDocument", () => {
  it("returns the document's metadata as a public client's", () => {
    expect(validateClientMetadataDocument(URL_, doc)).toEqual({
      client_name: "Example MCP Client",
      client_uri: "https://app.example",
      redirect_uris: ["http://127.0.0.1/callback", "https://app.example/cb"],
      grant_types: ["authorization_code", "refresh_token"],
      response_types: ["code"],
      token_endpoint_auth_method: "none",
      application_type: "web",
    });
  });

  it("accepts an explicit token_endpoint_auth_method none", () => {
    expect(validateClientMetadataDocument(URL_, { ...doc, token_endpoint_auth_method: "none" }).token_endpoint_auth_method).toBe("none");
  });

  it.each([
    [[], "invalid_client_metadata", "the client metadata document must be a JSON object"],
    ["{}", "invalid_client_metadata", "the client metadata document must be a JSON object"],
    [{ ...doc, client_id: undefined }, "invalid_client_metadata", "the client metadata document's client_id must equal the URL it was fetched from"],
    [{ ...doc, client_id: "https://app.example/oauth/client-metadata.json/" }, "invalid_client_metadata", "the client metadata document's client_id must equal the URL it was fetched from"],
    [{ ...doc, client_id: "https://APP.example/oauth/client-metadata.json" }, "invalid_client_metadata", "the client metadata document's client_id must equal the URL it was fetched from"],
    [{ ...doc, client_secret: "shh" }, "invalid_client_metadata", "the client metadata document must not contain client_secret"],
    [{ ...doc, client_secret_expires_at: 0 }, "invalid_client_metadata", "the client metadata document must not contain client_secret_expires_at"],
    [{ ...doc, token_endpoint_auth_method: "client_secret_basic" }, "invalid_client_metadata", 'token_endpoint_auth_method must be "none" for a client identified by a metadata document'],
    [{ ...doc, token_endpoint_auth_method: "private_key_jwt" }, "invalid_client_metadata", 'token_endpoint_auth_method must be "none" for a client identified by a metadata document'],
    [{ ...doc, grant_types: ["client_credentials"], response_types: [] }, "invalid_client_metadata", "grant_types: client_credentials is not available through open registration"],
    [{ ...doc, redirect_uris: undefined }, "invalid_redirect_uri", "redirect_uris is required when grant_types includes authorization_code"],
    [{ ...doc, redirect_uris: ["http://evil.example/cb"] }, "invalid_redirect_uri", 'redirect_uris[0] "http://evil.example/cb" uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https'],
  ])("refuses %j", (document, error, description) => {
    expect(refusal(() => validateClientMetadataDocument(URL_, document))).toEqual({ error, error_description: description, status: 400 });
  });

  it("refuses a document for a bad client id URL before reading it", () => {
    expect(refusal(() => validateClientMetadataDocument("http://app.example/c.json", { ...doc, client_id: "http://app.example/c.json" }))).toMatchObject({
      error: "invalid_client_metadata",
      error_description: 'client_id "http://app.example/c.json" must be an https URL with a host and a path',
    });
  });
});
