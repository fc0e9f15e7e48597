/**
 * The Content-Security-Policy of the portal's pages (served by Next behind the front door), with a
 * fresh nonce per response. Next reads the nonce from the request's own CSP header and puts it on
 * every script it emits; 'strict-dynamic' lets those scripts load the chunks they need, and nothing
 * else runs: no injected inline script, no script from another origin, no eval.
 *
 * - style-src keeps 'unsafe-inline': React writes style attributes, which nonces cannot cover, and
 *   styles cannot run code.
 * - img-src allows https: for client logos on the consent screen (describeConsent keeps https only).
 * - frame-ancestors 'none': the consent screen must never be framed (clickjacking, RFC 9700 §4.16).
 * - No form-action: the consent form's answer is a redirect to the client's redirect URI (any
 *   origin, loopback http or a private-use scheme), which form-action would block in Chromium.
 *
 * Route handlers that set their own policy (the authorization error page) keep theirs.
 */
export function contentSecurityPolicy(nonce: string): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' https: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join("; ");
}
