import { CimdClientRefused } from "../cimd/CimdClientRefused";
import { invalidClient, invalidRequest } from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import type { ClientRecord, ClientStore, Clock, OrgContext, SecretHasher, TokenEndpointAuthMethod } from "../ports";

export interface ClientCredentials {
  /** The raw `Authorization` request header, if any. */
  authorization?: string | null;
  /** The request's form parameters (parseOAuthParameters has refused duplicates). */
  params: OAuthParameters;
}

export interface AuthenticatedClient {
  client: ClientRecord;
  /** How it authenticated: equal to the client's registered token_endpoint_auth_method. */
  method: TokenEndpointAuthMethod;
}

export interface AuthenticateClientDeps {
  org: Pick<OrgContext, "orgId" | "issuer">;
  clients: ClientStore;
  hasher: SecretHasher;
  clock: Clock;
}

interface Presented {
  method: TokenEndpointAuthMethod;
  clientId: string;
  secret?: string;
}

/**
 * Client authentication at the token, introspection and revocation endpoints (RFC 6749 §2.3,
 * §3.2.1; OAuth 2.1 §2.4), checked in this order:
 *
 * 1. read the presented credentials: HTTP Basic (`client_secret_basic`; RFC 6749 §2.3.1: id and
 *    secret are form-urlencoded before base64), `client_secret` in the body
 *    (`client_secret_post`), or `client_id` alone (`none`, a public client);
 * 2. more than one method at once is refused (RFC 6749 §2.3: "MUST NOT use more than one
 *    authentication method in each request");
 * 3. the client exists in the org and is enabled; a Client ID Metadata Document client whose host
 *    the org's policy no longer accepts (CimdClientRefused) is not identified either, even though
 *    it may hold a code or refresh token from before the change;
 * 4. the method used is the one it registered: a public client presenting a secret, a
 *    confidential client presenting none, or Basic for a post client are all refused;
 * 5. the secret has not expired (RFC 7591 `client_secret_expires_at`) and matches, in constant
 *    time (SecretHasher).
 *
 * Failures are `invalid_client` (401); when the client tried Basic, the error carries a
 * `WWW-Authenticate: Basic` challenge (RFC 6749 §5.2). Malformed requests are `invalid_request`.
 *
 * Not checked: whether the client may use the grant type or endpoint it is calling (each
 * operation checks), rate limits on failed attempts (lib/server), private_key_jwt / mTLS (not
 * supported). An Authorization header with a scheme other than Basic is ignored here.
 */
export async function authenticateClient(
  credentials: ClientCredentials,
  deps: AuthenticateClientDeps,
): Promise<AuthenticatedClient> {
  const challenge = `Basic realm="${deps.org.issuer}", charset="UTF-8"`;
  const basic = readBasicCredentials(credentials.authorization, challenge);
  const presented = selectPresentedCredentials(basic, credentials.params);
  const fail = (description: string) =>
    invalidClient(description, presented.method === "client_secret_basic" ? { wwwAuthenticate: challenge } : {});

  const client = await findClient(deps, presented.clientId, fail);
  if (!client) throw fail("client authentication failed: unknown client");
  if (client.disabled) throw fail("client authentication failed: this client has been disabled");

  checkMethodMatchesRegistration(presented, client, fail);
  if (presented.method !== "none") await checkSecret(presented.secret ?? "", client, deps, fail);
  return { client, method: presented.method };
}

/**
 * The client store's refusal of a CIMD client is the authorization endpoint's `invalid_request`;
 * here the client is the one that cannot be identified: `invalid_client` (RFC 6749 §5.2).
 */
async function findClient(deps: AuthenticateClientDeps, clientId: string, fail: (description: string) => Error): Promise<ClientRecord | null> {
  try {
    return await deps.clients.findByClientId(deps.org.orgId, clientId);
  } catch (error) {
    if (error instanceof CimdClientRefused) throw fail(`client authentication failed: ${error.clientAuthenticationFailure}`);
    throw error;
  }
}

/** RFC 7617 Basic with RFC 6749 §2.3.1's extra form-urlencoding of both parts. */
function readBasicCredentials(header: string | null | undefined, challenge: string): { clientId: string; secret: string } | undefined {
  if (!header || !/^basic(\s|$)/i.test(header)) return undefined;
  const match = /^basic +([A-Za-z0-9+/]+={0,2}) *$/i.exec(header);
  const malformed = () => invalidClient("the Basic authorization header is malformed", { wwwAuthenticate: challenge });
  if (!match) throw malformed();
  const decoded = Buffer.from(match[1]!, "base64").toString("utf8");
  const colon = decoded.indexOf(":");
  if (colon < 0) throw malformed();
  try {
    const clientId = decodeFormComponent(decoded.slice(0, colon));
    const secret = decodeFormComponent(decoded.slice(colon + 1));
    // Control characters are in no client id or secret (RFC 6749 Appendix A: VSCHAR), and a NUL
    // would reach the database (which refuses it: a 500 instead of a 401).
    if (clientId === "" || /[\x00-\x1f\x7f]/.test(clientId + secret)) throw malformed();
    return { clientId, secret };
  } catch {
    throw malformed();
  }
}

function decodeFormComponent(value: string): string {
  return decodeURIComponent(value.replace(/\+/g, " "));
}

function selectPresentedCredentials(
  basic: { clientId: string; secret: string } | undefined,
  params: OAuthParameters,
): Presented {
  const formId = params.get("client_id");
  const formSecret = params.get("client_secret");
  if (basic) {
    if (formSecret !== undefined) {
      throw invalidRequest("client authentication must use one method: both Basic credentials and client_secret were sent");
    }
    if (formId !== undefined && formId !== basic.clientId) {
      throw invalidRequest("client_id in the body differs from the client_id in the Basic credentials");
    }
    return { method: "client_secret_basic", clientId: basic.clientId, secret: basic.secret };
  }
  if (formId === undefined) throw invalidClient("client authentication is required: send client_id");
  if (formSecret !== undefined) return { method: "client_secret_post", clientId: formId, secret: formSecret };
  return { method: "none", clientId: formId };
}

function checkMethodMatchesRegistration(
  presented: Presented,
  client: ClientRecord,
  fail: (description: string) => Error,
): void {
  if (presented.method === client.tokenEndpointAuthMethod) return;
  if (client.tokenEndpointAuthMethod === "none") {
    throw fail("client authentication failed: this client is public and must not send a client secret");
  }
  throw fail(`client authentication failed: this client must authenticate with ${client.tokenEndpointAuthMethod}`);
}

async function checkSecret(
  secret: string,
  client: ClientRecord,
  deps: AuthenticateClientDeps,
  fail: (description: string) => Error,
): Promise<void> {
  if (client.secretHash === null) throw fail("client authentication failed: this client has no secret");
  if (client.secretExpiresAt !== null && client.secretExpiresAt.getTime() <= deps.clock.now().getTime()) {
    throw fail("client authentication failed: the client secret has expired");
  }
  if (!(await deps.hasher.verifyClientSecret(secret, client.secretHash))) {
    throw fail("client authentication failed: wrong client secret");
  }
}
