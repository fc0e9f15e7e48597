import { invalidClientMetadata, invalidRedirectUri, invalidRequest } from "../errors/OAuthError";
import type { ApplicationType, GrantType, TokenEndpointAuthMethod } from "../ports";
import { parseScope } from "../scope/parseScope";
import { validateRedirectUri } from "./validateRedirectUri";
import { printable } from "../errors/printable";

/** The client metadata we keep, normalized: defaults applied, duplicates removed, unknowns dropped. */
export interface ClientMetadata {
  redirect_uris: string[];
  grant_types: GrantType[];
  response_types: "code"[];
  token_endpoint_auth_method: TokenEndpointAuthMethod;
  application_type: ApplicationType;
  client_name?: string;
  client_uri?: string;
  logo_uri?: string;
  tos_uri?: string;
  policy_uri?: string;
  scope?: string;
  contacts?: string[];
  software_id?: string;
  software_version?: string;
}

export interface ClientMetadataPolicy {
  /**
   * Open (anonymous) registration. RFC 7591 §5 leaves "who may register what" to the server: an
   * anonymous caller must not obtain a machine identity, so client_credentials is refused.
   */
  open: boolean;
  /**
   * RFC 7592 §2.2 update of this client: the body must repeat its `client_id`, and must not carry
   * the server-issued registration fields. Comparing a repeated `client_secret` is the caller's
   * job (it holds the hasher).
   */
  update?: { clientId: string };
}

const GRANT_TYPES: readonly GrantType[] = ["authorization_code", "refresh_token", "client_credentials"];
const AUTH_METHODS: readonly TokenEndpointAuthMethod[] = ["none", "client_secret_basic", "client_secret_post"];
const MAX_REDIRECT_URIS = 20;
const MAX_URI_LENGTH = 2000;
const MAX_NAME_LENGTH = 200;
const MAX_SCOPE_LENGTH = 1000;
const MAX_CONTACTS = 10;

type Body = Record<string, unknown>;

/**
 * RFC 7591 §2 client metadata of a registration request (and RFC 7592 §2.2 update), checked in
 * this order: body shape, update identity, grant_types, response_types and their consistency
 * (§2.1), token_endpoint_auth_method, redirect_uris, application_type, the human-readable and
 * informational fields.
 *
 * Not here: issuing client_id / client_secret / registration access token (the registration
 * operation does that), rate limits.
 *
 * Choices:
 * - `token_endpoint_auth_method` defaults to `client_secret_basic` (RFC 7591 §2); MCP clients send
 *   `none` explicitly.
 * - `application_type` (OIDC Registration) is recorded but not enforced against redirect URIs:
 *   MCP clients that omit it (so "web") still use http loopback (Claude Code, the Inspector) or
 *   private-use schemes (Cursor). Every accepted redirect URI is safe for any type.
 * - Unknown fields, localized variants (`client_name#fr`), `jwks`, `jwks_uri` and
 *   `software_statement` are ignored (RFC 7591 §2: "MUST ignore any client metadata ... it does
 *   not understand"), so they never reach storage.
 *
 * Not checked: whether `scope` names existing scopes (the token endpoint decides per resource),
 * that URIs resolve, that `logo_uri` is an image.
 *
 * Errors: `invalid_redirect_uri` for redirect URIs, `invalid_request` for an update that does not
 * name its client, `invalid_client_metadata` for everything else; each description names the
 * field and what is wrong with its value.
 */
export function validateClientMetadata(body: unknown, policy: ClientMetadataPolicy): ClientMetadata {
  const metadata = requireObject(body);
  if (policy.update) checkUpdateIdentity(metadata, policy.update.clientId);

  const grantTypes = readGrantTypes(metadata);
  const responseTypes = readResponseTypes(metadata, grantTypes);
  const authMethod = readAuthMethod(metadata);
  checkGrantTypesAllowed(grantTypes, authMethod, policy);
  const redirectUris = readRedirectUris(metadata, grantTypes);

  return {
    redirect_uris: redirectUris,
    grant_types: grantTypes,
    response_types: responseTypes,
    token_endpoint_auth_method: authMethod,
    application_type: readApplicationType(metadata),
    ...optional("client_name", readText(metadata, "client_name")),
    ...optional("client_uri", readHttpsUri(metadata, "client_uri")),
    ...optional("logo_uri", readHttpsUri(metadata, "logo_uri")),
    ...optional("tos_uri", readHttpsUri(metadata, "tos_uri")),
    ...optional("policy_uri", readHttpsUri(metadata, "policy_uri")),
    ...optional("scope", readScope(metadata)),
    ...optional("contacts", readContacts(metadata)),
    ...optional("software_id", readText(metadata, "software_id")),
    ...optional("software_version", readText(metadata, "software_version")),
  };
}

function requireObject(body: unknown): Body {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw invalidClientMetadata("the request body must be a JSON object");
  }
  return body as Body;
}

/**
 * RFC 7592 §2.2: "The client MUST include its client_id field in the request, and it MUST be the
 * same as its currently issued client identifier." The server-issued fields the client must not
 * send (registration_access_token, client_id_issued_at, ...) are ignored like any unknown field:
 * clients commonly echo the whole registration response back.
 */
function checkUpdateIdentity(metadata: Body, clientId: string): void {
  if (metadata.client_id !== clientId) {
    throw invalidRequest("client_id must be present and equal to the client being updated");
  }
}

function readGrantTypes(metadata: Body): GrantType[] {
  const values = readStringList(metadata, "grant_types") ?? ["authorization_code"];
  const unknown = values.find((value) => !GRANT_TYPES.includes(value as GrantType));
  if (unknown !== undefined) {
    throw invalidClientMetadata(`grant_types: "${printable(unknown)}" is not supported (supported: ${GRANT_TYPES.join(", ")})`);
  }
  const grantTypes = [...new Set(values)] as GrantType[];
  if (grantTypes.length === 0) throw invalidClientMetadata("grant_types must not be empty");
  if (grantTypes.includes("refresh_token") && !grantTypes.includes("authorization_code")) {
    throw invalidClientMetadata("grant_types: refresh_token is only issued with authorization_code");
  }
  return grantTypes;
}

/** RFC 7591 §2.1: authorization_code goes with the "code" response type, and only with it. */
function readResponseTypes(metadata: Body, grantTypes: GrantType[]): "code"[] {
  const usesCode = grantTypes.includes("authorization_code");
  const values = readStringList(metadata, "response_types") ?? (usesCode ? ["code"] : []);
  const unknown = values.find((value) => value !== "code");
  if (unknown !== undefined) {
    throw invalidClientMetadata(`response_types: "${printable(unknown)}" is not supported (supported: code)`);
  }
  if (usesCode && values.length === 0) {
    throw invalidClientMetadata('response_types must include "code" when grant_types includes authorization_code');
  }
  if (!usesCode && values.length > 0) {
    throw invalidClientMetadata('response_types "code" requires grant_types to include authorization_code');
  }
  return values.length > 0 ? ["code"] : [];
}

function readAuthMethod(metadata: Body): TokenEndpointAuthMethod {
  const value = metadata.token_endpoint_auth_method;
  if (value === undefined) return "client_secret_basic";
  if (typeof value !== "string" || !AUTH_METHODS.includes(value as TokenEndpointAuthMethod)) {
    throw invalidClientMetadata(
      `token_endpoint_auth_method: ${describe(value)} is not supported (supported: ${AUTH_METHODS.join(", ")})`,
    );
  }
  return value as TokenEndpointAuthMethod;
}

function checkGrantTypesAllowed(grantTypes: GrantType[], authMethod: TokenEndpointAuthMethod, policy: ClientMetadataPolicy): void {
  if (!grantTypes.includes("client_credentials")) return;
  if (policy.open) {
    throw invalidClientMetadata("grant_types: client_credentials is not available through open registration");
  }
  // RFC 6749 §4.4: "The client credentials grant type MUST only be used by confidential clients."
  if (authMethod === "none") {
    throw invalidClientMetadata('grant_types: client_credentials requires a token_endpoint_auth_method other than "none"');
  }
}

function readRedirectUris(metadata: Body, grantTypes: GrantType[]): string[] {
  const value = metadata.redirect_uris;
  if (value === undefined) {
    // RFC 7591 §2 / OAuth 2.1 §2.3: redirect-based flows need registered redirect URIs.
    if (grantTypes.includes("authorization_code")) {
      throw invalidRedirectUri("redirect_uris is required when grant_types includes authorization_code");
    }
    return [];
  }
  if (!Array.isArray(value)) throw invalidRedirectUri("redirect_uris must be an array of strings");
  if (value.length === 0 && grantTypes.includes("authorization_code")) {
    throw invalidRedirectUri("redirect_uris must not be empty when grant_types includes authorization_code");
  }
  if (value.length > MAX_REDIRECT_URIS) {
    throw invalidRedirectUri(`redirect_uris has more than ${MAX_REDIRECT_URIS} entries`);
  }
  value.forEach((uri, index) => validateRedirectUri(uri, `redirect_uris[${index}]`));
  return [...new Set(value as string[])];
}

function readApplicationType(metadata: Body): ApplicationType {
  const value = metadata.application_type ?? "web";
  if (value !== "web" && value !== "native") {
    throw invalidClientMetadata(`application_type: ${describe(value)} is not supported (supported: web, native)`);
  }
  return value;
}

function readText(metadata: Body, field: string): string | undefined {
  const value = metadata[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value.trim() === "") throw invalidClientMetadata(`${field} must be a non-empty string`);
  if (value.length > MAX_NAME_LENGTH) throw invalidClientMetadata(`${field} is longer than ${MAX_NAME_LENGTH} characters`);
  if (/[\x00-\x1f\x7f]/.test(value)) throw invalidClientMetadata(`${field} contains control characters`);
  return value.trim();
}

/** Shown to people on the consent screen: https only, no credentials, no fragment tricks. */
function readHttpsUri(metadata: Body, field: string): string | undefined {
  const value = metadata[field];
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidClientMetadata(`${field} must be a string`);
  if (value.length > MAX_URI_LENGTH) throw invalidClientMetadata(`${field} is longer than ${MAX_URI_LENGTH} characters`);
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  // Control characters: WHATWG URL would percent-encode them, but the value is stored as given.
  if (!url || url.protocol !== "https:" || !/^https:\/\//i.test(value) || /[\s\\\x00-\x1f\x7f]/.test(value)) {
    throw invalidClientMetadata(`${field} "${printable(value)}" must be an absolute https URL`);
  }
  if (url.username || url.password || /^https:\/\/[^/?#]*@/i.test(value)) {
    throw invalidClientMetadata(`${field} "${printable(value)}" must not include user information`);
  }
  return value;
}

function readScope(metadata: Body): string | undefined {
  const value = metadata.scope;
  if (value === undefined) return undefined;
  if (typeof value !== "string") throw invalidClientMetadata("scope must be a space-separated string");
  if (value.length > MAX_SCOPE_LENGTH) throw invalidClientMetadata(`scope is longer than ${MAX_SCOPE_LENGTH} characters`);
  const scopes = parseScope(value);
  if (!scopes) throw invalidClientMetadata("scope contains characters not allowed in a scope (RFC 6749 §3.3)");
  return scopes.length > 0 ? scopes.join(" ") : undefined;
}

function readContacts(metadata: Body): string[] | undefined {
  const contacts = readStringList(metadata, "contacts");
  if (contacts === undefined) return undefined;
  if (contacts.length > MAX_CONTACTS) throw invalidClientMetadata(`contacts has more than ${MAX_CONTACTS} entries`);
  const bad = contacts.find((contact) => contact.length === 0 || contact.length > 320 || /[\x00-\x1f\x7f]/.test(contact));
  if (bad !== undefined) throw invalidClientMetadata("contacts entries must be non-empty strings of at most 320 characters");
  return contacts;
}

function readStringList(metadata: Body, field: string): string[] | undefined {
  const value = metadata[field];
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
    throw invalidClientMetadata(`${field} must be an array of strings`);
  }
  return value;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

function describe(value: unknown): string {
  return typeof value === "string" ? `"${printable(value)}"` : JSON.stringify(value) ?? String(value);
}
