/**
 * Whether a presented token has the compact JWS shape of our access tokens (three base64url
 * parts). Introspection and revocation use it to tell access tokens from opaque refresh tokens;
 * it says nothing about validity.
 */
export function looksLikeJwt(token: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/.test(token);
}
