/**
 * The claims of a Gatehouse access token: RFC 9068 §2.2 plus `grant_id`.
 *
 * `grant_id` is the id of the Grant the token was issued under (DESIGN.md: "the grant id"). It is
 * what makes revocation of a grant reach tokens already issued: introspection and the gateway look
 * it up. A private claim name (RFC 7519 §4.3), chosen over a terse `gid` for readability.
 */
export interface AccessTokenClaims {
  iss: string;
  /** The user id; for client_credentials, the client_id (RFC 9068 §2.2). */
  sub: string;
  /** Exactly one resource: the RFC 8707 resource the token is for. */
  aud: string;
  client_id: string;
  /** Space-separated (RFC 9068 §2.2.3); may be empty. */
  scope: string;
  iat: number;
  exp: number;
  nbf?: number;
  jti: string;
  grant_id: string;
}

export const ACCESS_TOKEN_TYP = "at+jwt";
export const ACCESS_TOKEN_ALG = "ES256";
