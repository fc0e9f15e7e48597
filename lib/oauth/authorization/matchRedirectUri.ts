/**
 * Whether a requested redirect_uri is one the client registered.
 *
 * OAuth 2.1 §4.1.1 / RFC 9700 §4.1.3: exact string comparison, with one exception, RFC 8252 §7.3:
 * for an http redirect URI on a loopback host "the authorization server MUST allow any port to be
 * specified at the time of the request", because a native app binds an ephemeral port. There,
 * scheme, host, path and query must still be identical character for character; only the port
 * may differ (or be absent on either side).
 *
 * No other normalization: no case folding (of the scheme, host or path), no percent-decoding, no
 * default-port folding, no trailing-slash equivalence, no prefix or subdomain matching. The
 * loopback exception applies to the hosts `localhost`, `127.0.0.1` and `[::1]` exactly as written,
 * and not across them: a client registered for 127.0.0.1 does not match localhost.
 */
export function matchRedirectUri(registered: readonly string[], requested: string): boolean {
  if (registered.includes(requested)) return true;
  const request = splitLoopback(requested);
  if (!request) return false;
  return registered.some((candidate) => {
    const entry = splitLoopback(candidate);
    return entry !== undefined && entry.host === request.host && entry.rest === request.rest;
  });
}

/** `http://{loopback host}[:{port}]{path and query}`, or undefined for anything else. */
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(?::(\d{1,5}))?([/?][^#]*)?$/;

function splitLoopback(uri: string): { host: string; rest: string } | undefined {
  const match = LOOPBACK.exec(uri);
  if (!match) return undefined;
  const port = match[2] === undefined ? undefined : Number(match[2]);
  if (port !== undefined && (port < 1 || port > 65535)) return undefined;
  // "http://127.0.0.1" and "http://127.0.0.1/" are the same request target; treat both as "/".
  return { host: match[1]!, rest: match[3] ?? "/" };
}
