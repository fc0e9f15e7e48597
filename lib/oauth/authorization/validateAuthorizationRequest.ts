import {
  invalidRequest,
  invalidTarget,
  OAuthError,
  unauthorizedClient,
  unsupportedResponseType,
} from "../errors/OAuthError";
import type { OAuthParameters } from "../http/parseOAuthParameters";
import type { ClientRecord, ClientStore, OrgContext, ResourceRecord, ResourceStore } from "../ports";
import { resolveRequestedResource } from "../resource/resolveRequestedResource";
import { selectRequestedScopes } from "../scope/selectRequestedScopes";
import { buildAuthorizationResponseUrl } from "./buildAuthorizationResponseUrl";
import { matchRedirectUri } from "./matchRedirectUri";
import { printable } from "../errors/printable";

/** An authorization request every check passed: ready for sign-in and consent. */
export interface AuthorizationRequest {
  client: ClientRecord;
  /** The requested redirect URI, or the client's only registered one when none was sent. */
  redirectUri: string;
  state: string | undefined;
  codeChallenge: string;
  codeChallengeMethod: "S256";
  resource: ResourceRecord;
  scopes: string[];
}

export type AuthorizationRequestResult =
  | { ok: true; request: AuthorizationRequest }
  /** Client or redirect URI not verified: show `error` to the person, never redirect. */
  | { ok: false; display: "page"; error: OAuthError }
  /** Client and redirect URI verified: send the user agent to `location`. */
  | { ok: false; display: "redirect"; error: OAuthError; redirectUri: string; state: string | undefined; location: string };

export interface ValidateAuthorizationRequestDeps {
  org: Pick<OrgContext, "orgId" | "issuer">;
  clients: ClientStore;
  resources: ResourceStore;
}

/**
 * The authorization endpoint's checks (RFC 6749 §4.1.1, OAuth 2.1 §4.1.1, RFC 7636 §4.3, RFC 8707
 * §2), in order. The first two decide who may see an error:
 *
 * 1. `client_id` names an enabled client of the org;          -> error page
 * 2. `redirect_uri` matches a registered one (or is omitted while exactly one is registered);
 *                                                              -> error page
 *    RFC 6749 §4.1.2.1: "MUST NOT automatically redirect the user-agent to the invalid
 *    redirection URI" (the open-redirect defense of RFC 9700 §4.11).
 * 3. `response_type` is `code`;                                -> redirect from here on
 * 4. the client may use the authorization_code grant;
 * 5. `response_mode`, if sent, is `query`;
 * 6. PKCE: `code_challenge` of 43 base64url characters with `code_challenge_method=S256`
 *    (OAuth 2.1 §4.1.1; `plain` and an omitted method, which RFC 7636 defaults to plain, are
 *    refused);
 * 7. `resource`: one, canonical, the org's (default resource when omitted), and one a user may
 *    authorize (not a client-credentials-only resource such as the management API);
 * 8. `scope`: each defined for that resource (its defaults when omitted).
 *
 * Redirected errors carry `state` and `iss` (RFC 9207).
 *
 * Not checked here: who the user is and whether they may authorize for the org, consent, `prompt`,
 * `login_hint`, `nonce` and other OIDC parameters (ignored), request objects (`request`,
 * `request_uri`: ignored, RFC 9101 is not supported), and the length of `state` beyond the generic
 * parameter limit of parseOAuthParameters.
 */
export async function validateAuthorizationRequest(
  params: OAuthParameters,
  deps: ValidateAuthorizationRequestDeps,
): Promise<AuthorizationRequestResult> {
  let client: ClientRecord;
  let redirectUri: string;
  try {
    client = await findClient(params, deps);
    redirectUri = selectRedirectUri(params, client);
  } catch (error) {
    if (error instanceof OAuthError) return { ok: false, display: "page", error };
    throw error;
  }

  const state = params.get("state");
  try {
    checkResponseType(params);
    checkClientMayUseCode(client);
    checkResponseMode(params);
    const codeChallenge = readCodeChallenge(params);
    const resource = await resolveRequestedResource(params.getAll("resource"), deps.org.orgId, deps.resources);
    if (resource.clientCredentialsOnly) {
      throw invalidTarget(`resource "${printable(resource.resource)}" accepts only client credentials tokens, not user authorization`);
    }
    const scopes = selectRequestedScopes(params.get("scope"), resource);
    return {
      ok: true,
      request: { client, redirectUri, state, codeChallenge, codeChallengeMethod: "S256", resource, scopes },
    };
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error;
    const location = buildAuthorizationResponseUrl(redirectUri, {
      error: error.error,
      error_description: error.description,
      state,
      iss: deps.org.issuer,
    });
    return { ok: false, display: "redirect", error, redirectUri, state, location };
  }
}

async function findClient(params: OAuthParameters, deps: ValidateAuthorizationRequestDeps): Promise<ClientRecord> {
  const clientId = params.get("client_id");
  if (clientId === undefined) throw invalidRequest("client_id is required");
  const client = await deps.clients.findByClientId(deps.org.orgId, clientId);
  if (!client) throw invalidRequest("client_id is not registered with this authorization server");
  if (client.disabled) throw unauthorizedClient("this client has been disabled");
  return client;
}

/** OAuth 2.1 §2.3.2: redirect_uri may be omitted only when exactly one is registered. */
function selectRedirectUri(params: OAuthParameters, client: ClientRecord): string {
  const requested = params.get("redirect_uri");
  if (requested !== undefined) {
    if (!matchRedirectUri(client.redirectUris, requested)) {
      throw invalidRequest("redirect_uri does not match any redirect URI registered for this client");
    }
    return requested;
  }
  if (client.redirectUris.length === 1) return client.redirectUris[0]!;
  if (client.redirectUris.length === 0) throw invalidRequest("this client has no registered redirect URI");
  throw invalidRequest("redirect_uri is required: this client registered several redirect URIs");
}

function checkResponseType(params: OAuthParameters): void {
  const responseType = params.get("response_type");
  if (responseType === undefined) throw invalidRequest("response_type is required");
  if (responseType !== "code") {
    throw unsupportedResponseType(`response_type "${printable(responseType, 40)}" is not supported; use "code"`);
  }
}

function checkClientMayUseCode(client: ClientRecord): void {
  if (!client.grantTypes.includes("authorization_code")) {
    throw unauthorizedClient("this client is not registered for the authorization_code grant");
  }
}

function checkResponseMode(params: OAuthParameters): void {
  const mode = params.get("response_mode");
  if (mode !== undefined && mode !== "query") {
    throw invalidRequest(`response_mode "${printable(mode, 40)}" is not supported; use "query"`);
  }
}

/** RFC 7636 §4.2: BASE64URL(SHA256(verifier)) is exactly 43 characters. */
function readCodeChallenge(params: OAuthParameters): string {
  const challenge = params.get("code_challenge");
  const method = params.get("code_challenge_method");
  if (challenge === undefined) throw invalidRequest("code_challenge is required (PKCE with S256)");
  if (method === undefined) throw invalidRequest('code_challenge_method is required and must be "S256"');
  if (method !== "S256") {
    throw invalidRequest(`code_challenge_method "${printable(method, 40)}" is not supported; use "S256"`);
  }
  if (!/^[A-Za-z0-9_-]{43}$/.test(challenge)) {
    throw invalidRequest("code_challenge must be 43 base64url characters: BASE64URL(SHA256(code_verifier))");
  }
  return challenge;
}
