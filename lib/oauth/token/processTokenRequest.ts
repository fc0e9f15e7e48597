import { type AuthenticateClientDeps, authenticateClient } from "../client-authentication/authenticateClient";
import { invalidRequest, unsupportedGrantType } from "../errors/OAuthError";
import { printable } from "../errors/printable";
import { parseOAuthParameters } from "../http/parseOAuthParameters";
import { type ExchangeAuthorizationCodeDeps, exchangeAuthorizationCode } from "./exchangeAuthorizationCode";
import { type IssueClientCredentialsTokenDeps, issueClientCredentialsToken } from "./issueClientCredentialsToken";
import { type RefreshAccessTokenDeps, refreshAccessToken } from "./refreshAccessToken";
import type { TokenResponse } from "./TokenResponse";

export interface TokenRequest {
  /** The raw `Authorization` header, if any. */
  authorization?: string | null;
  /** The application/x-www-form-urlencoded body. */
  form: URLSearchParams;
}

export type ProcessTokenRequestDeps = AuthenticateClientDeps &
  ExchangeAuthorizationCodeDeps &
  RefreshAccessTokenDeps &
  IssueClientCredentialsTokenDeps;

const OPERATIONS = {
  authorization_code: exchangeAuthorizationCode,
  refresh_token: refreshAccessToken,
  client_credentials: issueClientCredentialsToken,
} as const;

/**
 * The token endpoint (RFC 6749 §3.2), one call per request:
 *
 * 1. the form's parameters, each at most once (RFC 6749 §3.2: "Request and response parameters
 *    MUST NOT be included more than once"; `resource` may repeat, RFC 8707);
 * 2. `grant_type` present (`invalid_request`) and one we support (`unsupported_grant_type`),
 *    checked before any store is touched;
 * 3. client authentication (authenticateClient: `invalid_client`, 401);
 * 4. the grant's own operation.
 *
 * The route returns the TokenResponse as JSON with `Cache-Control: no-store` (RFC 6749 §5.1),
 * or maps an OAuthError to RFC 6749 §5.2.
 *
 * Not checked here: the HTTP method and content type (the route requires POST with
 * application/x-www-form-urlencoded, RFC 6749 §3.2), rate limits.
 */
export async function processTokenRequest(request: TokenRequest, deps: ProcessTokenRequestDeps): Promise<TokenResponse> {
  const params = parseOAuthParameters(request.form);
  const grantType = params.get("grant_type");
  if (grantType === undefined) throw invalidRequest("grant_type is required");
  if (!Object.hasOwn(OPERATIONS, grantType)) {
    throw unsupportedGrantType(`grant_type "${printable(grantType, 60)}" is not supported`);
  }
  const { client } = await authenticateClient({ authorization: request.authorization, params }, deps);
  return OPERATIONS[grantType as keyof typeof OPERATIONS]({ client, params }, deps);
}
