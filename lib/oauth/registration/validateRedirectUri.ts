import { invalidRedirectUri } from "../errors/OAuthError";
import { printable } from "../errors/printable";

export const MAX_REDIRECT_URI_LENGTH = 2000;

/** How a redirect URI reaches the client; matchRedirectUri relaxes the port for "loopback" only. */
export type RedirectUriKind = "https" | "loopback" | "private-use";

/** RFC 8252 §7.3 / §8.3: the loopback hosts we accept for http redirect URIs. */
const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Schemes a browser (or the OS) would act on itself rather than hand to an app: never a redirect
 * target (RFC 6749 §10.6 / RFC 9700 §4.1: open redirection and script injection).
 */
const REFUSED_SCHEMES = new Set([
  "javascript", "data", "vbscript", "file", "blob", "about", "filesystem", "view-source",
  "ftp", "ws", "wss", "mailto", "tel", "sms",
]);

/**
 * One redirect URI offered at registration (RFC 7591 §2, RFC 7592 §2.2) or in a Client ID Metadata
 * Document. Accepted kinds:
 *
 * - `https` with a host (RFC 6749 §3.1.2.1, OAuth 2.1 §2.3.1);
 * - `http` on a loopback host, localhost, 127.0.0.1 or [::1] (RFC 8252 §7.3); any port;
 * - a private-use scheme for native apps (RFC 8252 §7.1), e.g. `com.example.app:/cb` or
 *   `cursor://anysphere.cursor-mcp/oauth/callback`.
 *
 * Refused for every kind: fragments (RFC 6749 §3.1.2), user information (the `https://good@evil`
 * trick), whitespace and control characters, backslashes, the schemes in REFUSED_SCHEMES, and any
 * URI over 2000 characters.
 *
 * Not checked: that a private-use scheme is a reverse domain name the client controls (RFC 8252
 * §7.1 puts that on the client, and real MCP clients such as Cursor use single-label schemes);
 * that the host resolves or exists; the application_type (see validateClientMetadata).
 *
 * Throws `invalid_redirect_uri` naming `field` (e.g. `redirect_uris[1]`).
 */
export function validateRedirectUri(uri: unknown, field: string): RedirectUriKind {
  if (typeof uri !== "string" || uri === "") throw invalidRedirectUri(`${field} must be a non-empty string`);
  const shown = printable(uri);
  if (uri.length > MAX_REDIRECT_URI_LENGTH) {
    throw invalidRedirectUri(`${field} is longer than ${MAX_REDIRECT_URI_LENGTH} characters`);
  }
  if (/[\s\\\x00-\x1f\x7f]/.test(uri)) {
    throw invalidRedirectUri(`${field} "${shown}" contains whitespace, control characters or a backslash`);
  }
  if (uri.includes("#")) throw invalidRedirectUri(`${field} "${shown}" must not include a fragment`);

  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(uri)?.[1]?.toLowerCase();
  if (!scheme) throw invalidRedirectUri(`${field} "${shown}" is not an absolute URI`);
  if (REFUSED_SCHEMES.has(scheme)) {
    throw invalidRedirectUri(`${field} "${shown}" uses the scheme "${scheme}", which is not allowed`);
  }

  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw invalidRedirectUri(`${field} "${shown}" is not a valid URI`);
  }
  const rawAuthority = /^[^:]+:\/\/([^/?]*)/.exec(uri)?.[1] ?? "";
  if (url.username || url.password || rawAuthority.includes("@")) {
    throw invalidRedirectUri(`${field} "${shown}" must not include user information`);
  }

  if (scheme === "https") {
    if (!/^https:\/\/[^/?]/i.test(uri)) throw invalidRedirectUri(`${field} "${shown}" must name a host`);
    return "https";
  }
  if (scheme === "http") {
    if (!/^http:\/\//i.test(uri) || !LOOPBACK_HOSTS.has(url.hostname)) {
      throw invalidRedirectUri(
        `${field} "${shown}" uses http on a host that is not loopback (localhost, 127.0.0.1, [::1]); use https`,
      );
    }
    return "loopback";
  }
  return "private-use";
}

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname);
}
