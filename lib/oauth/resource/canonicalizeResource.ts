import { invalidTarget } from "../errors/OAuthError";
import { printable } from "../errors/printable";

/**
 * The canonical form of an RFC 8707 resource identifier, the form stored for every resource of an
 * org and compared byte for byte with the `aud` of tokens.
 *
 * RFC 8707 §2: "MUST be an absolute URI ... MUST NOT include a fragment component". The MCP
 * authorization spec adds that clients send the canonical URI of the MCP server, lower-case scheme
 * and host, and that `https://mcp.example.com` and `https://mcp.example.com/` name the same
 * server. So: scheme and host lower-cased, default port dropped, dot segments removed (RFC 3986
 * §6.2.2), and a path that is only "/" removed.
 *
 * Only http and https are accepted: every resource Gatehouse protects is an HTTP endpoint.
 * Refused: fragments (even empty), userinfo, whitespace, control characters and backslashes (which
 * WHATWG URL parsing would silently rewrite).
 *
 * Not done: percent-encoding normalization, path case folding, trailing-slash equivalence beyond
 * the origin (`/mcp` and `/mcp/` stay different resources).
 *
 * Throws `invalid_target` with a description naming the problem.
 */
export function canonicalizeResource(uri: string): string {
  if (/[\s\\\x00-\x1f\x7f]/.test(uri)) {
    throw invalidTarget(`resource "${printable(uri)}" contains whitespace, control characters or a backslash`);
  }
  if (uri.includes("#")) throw invalidTarget(`resource "${printable(uri)}" must not include a fragment`);

  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw invalidTarget(`resource "${printable(uri)}" is not an absolute URI`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalidTarget(`resource "${printable(uri)}" must be an http or https URI`);
  }
  if (!/^https?:\/\//i.test(uri)) {
    throw invalidTarget(`resource "${printable(uri)}" is not an absolute URI`);
  }
  // WHATWG URL drops an empty userinfo ("https://@host"), so look at the raw authority as well.
  const rawAuthority = uri.slice(uri.indexOf("//") + 2).split(/[/?]/, 1)[0] ?? "";
  if (url.username || url.password || rawAuthority.includes("@")) {
    throw invalidTarget(`resource "${printable(uri)}" must not include user information`);
  }
  const path = url.pathname === "/" ? "" : url.pathname;
  return `${url.protocol}//${url.host}${path}${url.search}`;
}
