/**
 * The one error type the protocol core throws. The route wrapper (lib/server) turns it into an
 * RFC 6749 §5.2 JSON body (`error`, `error_description`), an HTTP status and, when set, a
 * `WWW-Authenticate` header. Anything that is not an OAuthError is a bug and becomes
 * `server_error` there.
 *
 * `description` goes to the client: it names the offending parameter and what is wrong with it,
 * never a secret, a hash, a stack or a database detail. `cause` (the standard Error option) carries
 * the internal reason and is for the log only.
 */

/** Error codes of RFC 6749 §4.1.2.1 / §5.2, RFC 6750 §3.1, RFC 7591 §3.2.2, RFC 8707 §2. */
export type OAuthErrorCode =
  | "invalid_request"
  | "invalid_client"
  | "invalid_grant"
  | "unauthorized_client"
  | "unsupported_grant_type"
  | "unsupported_token_type"
  | "invalid_scope"
  | "invalid_target"
  | "invalid_client_metadata"
  | "invalid_redirect_uri"
  | "access_denied"
  | "unsupported_response_type"
  | "invalid_token"
  | "insufficient_scope"
  | "server_error"
  | "temporarily_unavailable";

/**
 * RFC 6749 §5.2: 400 unless the client failed to authenticate (401). RFC 6750 §3.1: 401 for
 * invalid_token, 403 for insufficient_scope.
 */
const DEFAULT_STATUS: Readonly<Record<OAuthErrorCode, number>> = {
  invalid_request: 400,
  invalid_client: 401,
  invalid_grant: 400,
  unauthorized_client: 400,
  unsupported_grant_type: 400,
  unsupported_token_type: 400,
  invalid_scope: 400,
  invalid_target: 400,
  invalid_client_metadata: 400,
  invalid_redirect_uri: 400,
  access_denied: 403,
  unsupported_response_type: 400,
  invalid_token: 401,
  insufficient_scope: 403,
  server_error: 500,
  temporarily_unavailable: 503,
};

export interface OAuthErrorOptions {
  /** Internal reason, for the log only. */
  cause?: unknown;
  /** Overrides the code's default HTTP status. */
  status?: number;
  /** Value of a `WWW-Authenticate` response header, e.g. `Basic realm="..."` (RFC 6749 §5.2). */
  wwwAuthenticate?: string;
}

export class OAuthError extends Error {
  override readonly name = "OAuthError";
  readonly error: OAuthErrorCode;
  readonly description: string;
  readonly status: number;
  readonly wwwAuthenticate: string | undefined;

  constructor(error: OAuthErrorCode, description: string, options: OAuthErrorOptions = {}) {
    super(`${error}: ${description}`, options.cause === undefined ? undefined : { cause: options.cause });
    this.error = error;
    this.description = description;
    this.status = options.status ?? DEFAULT_STATUS[error];
    this.wwwAuthenticate = options.wwwAuthenticate;
  }

  /** The client-facing body: RFC 6749 §5.2. Never includes `cause`. */
  toResponseBody(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description };
  }
}

export function isOAuthError(value: unknown): value is OAuthError {
  return value instanceof OAuthError;
}

type Make = (description: string, options?: OAuthErrorOptions) => OAuthError;
const make =
  (code: OAuthErrorCode): Make =>
  (description, options) =>
    new OAuthError(code, description, options);

export const invalidRequest = make("invalid_request");
export const invalidClient = make("invalid_client");
export const invalidGrant = make("invalid_grant");
export const unauthorizedClient = make("unauthorized_client");
export const unsupportedGrantType = make("unsupported_grant_type");
export const invalidScope = make("invalid_scope");
export const invalidTarget = make("invalid_target");
export const invalidClientMetadata = make("invalid_client_metadata");
export const invalidRedirectUri = make("invalid_redirect_uri");
export const accessDenied = make("access_denied");
export const unsupportedResponseType = make("unsupported_response_type");
export const invalidToken = make("invalid_token");
export const serverError = make("server_error");
