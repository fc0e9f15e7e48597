/**
 * The authorization server metadata of one org: RFC 8414 §2, served unchanged as the OpenID
 * Connect Discovery 1.0 document too (DESIGN.md URL map).
 *
 * RFC 8414 §3.3: clients compare `issuer` with the issuer they derived the metadata URL from, byte
 * for byte (oauth4webapi's processDiscoveryResponse compares `new URL(issuer).href`), so the
 * issuer is passed through untouched and must already be canonical: no trailing slash, no query,
 * no fragment.
 *
 * Not included: anything we do not implement (implicit, device, PAR, DPoP, mTLS, JAR, userinfo).
 */

export interface AuthorizationServerMetadataOptions {
  /** Scopes of the org's resources, advertised as `scopes_supported` (RFC 8414 §2: RECOMMENDED). */
  scopesSupported: readonly string[];
  /** Open dynamic client registration: advertise `registration_endpoint`. Default true. */
  registrationEnabled?: boolean;
  /** Client ID Metadata Documents accepted as client ids. Default true. */
  clientIdMetadataDocumentSupported?: boolean;
  /** RFC 9728 §4 `protected_resources`: the org's resource identifiers. Omitted when empty. */
  protectedResources?: readonly string[];
  /** Portal page describing the server, `service_documentation`. */
  serviceDocumentation?: string;
}

export type AuthorizationServerMetadata = Readonly<Record<string, string | boolean | readonly string[]>>;

const CLIENT_AUTH_METHODS = ["none", "client_secret_basic", "client_secret_post"] as const;

export function buildAuthorizationServerMetadata(
  issuer: string,
  options: AuthorizationServerMetadataOptions,
): AuthorizationServerMetadata {
  assertIssuerIdentifier(issuer);
  const endpoint = (name: string) => `${issuer}/api/v1/oauth/${name}`;
  const registrationEnabled = options.registrationEnabled ?? true;
  const cimd = options.clientIdMetadataDocumentSupported ?? true;

  return {
    issuer,
    authorization_endpoint: endpoint("authorize"),
    token_endpoint: endpoint("token"),
    jwks_uri: endpoint("jwks"),
    ...(registrationEnabled ? { registration_endpoint: endpoint("register") } : {}),
    introspection_endpoint: endpoint("introspect"),
    revocation_endpoint: endpoint("revoke"),
    scopes_supported: [...options.scopesSupported],
    response_types_supported: ["code"],
    // RFC 6749 §4.1.2: the code comes back in the query; no fragment, no form_post.
    response_modes_supported: ["query"],
    grant_types_supported: ["authorization_code", "refresh_token", "client_credentials"],
    // OAuth 2.1 §4.1.1 and RFC 9700 §2.1.1: plain is not offered.
    code_challenge_methods_supported: ["S256"],
    token_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    // RFC 7009 §2.1 / RFC 7662 §2.1: a public client may revoke or introspect its own tokens by
    // naming its client_id; introspecting other clients' tokens needs a confidential client.
    revocation_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    introspection_endpoint_auth_methods_supported: [...CLIENT_AUTH_METHODS],
    // RFC 9207 §3: every authorization response carries `iss`.
    authorization_response_iss_parameter_supported: true,
    ...(cimd ? { client_id_metadata_document_supported: true } : {}),
    ...(options.protectedResources?.length ? { protected_resources: [...options.protectedResources] } : {}),
    ...(options.serviceDocumentation ? { service_documentation: options.serviceDocumentation } : {}),
    // OpenID Connect Discovery 1.0 §3 marks these REQUIRED and strict discovery parsers (the MCP
    // SDK's OpenID schema among them) refuse a document without them. We issue no ID tokens; the
    // values describe what we would use, and `openid` is deliberately absent from scopes_supported.
    subject_types_supported: ["public"],
    id_token_signing_alg_values_supported: ["ES256"],
  };
}

/** RFC 8414 §2: `https` (http only for a loopback host in development), no query, no fragment. */
function assertIssuerIdentifier(issuer: string): void {
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    throw new TypeError(`issuer "${issuer}" is not an absolute URL`);
  }
  const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1" || url.hostname === "[::1]";
  if (url.protocol !== "https:" && !(url.protocol === "http:" && loopback)) {
    throw new TypeError(`issuer "${issuer}" must use https`);
  }
  if (url.search || url.hash || issuer.includes("?") || issuer.includes("#")) {
    throw new TypeError(`issuer "${issuer}" must have no query or fragment`);
  }
  if (issuer.endsWith("/")) throw new TypeError(`issuer "${issuer}" must not end with a slash`);
  if (url.href !== issuer && url.href !== `${issuer}/`) {
    throw new TypeError(`issuer "${issuer}" is not in canonical form ("${url.href}")`);
  }
}
