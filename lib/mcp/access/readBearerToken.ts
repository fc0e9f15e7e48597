export type BearerCredentials =
  /** No Authorization header, or credentials of another scheme (Basic, DPoP...). */
  | { kind: "none" }
  /** `Bearer` with nothing usable after it. */
  | { kind: "malformed"; reason: string }
  | { kind: "token"; token: string };

const B64TOKEN = /^[A-Za-z0-9\-._~+/]+=*$/;
const MAX_TOKEN_LENGTH = 8192;

/**
 * RFC 6750 §2.1: `Authorization: Bearer <b64token>`. The scheme is case-insensitive (RFC 7235
 * §2.1); one or more spaces may separate it from the token.
 *
 * Only the header is read: tokens in a form body (§2.2) or the query string (§2.3) are not
 * supported (the MCP spec forbids the query string; `bearer_methods_supported` says "header"), so
 * such a request counts as carrying no token. Another scheme counts as no token too: the answer is
 * the Bearer challenge that tells the client what to send.
 */
export function readBearerToken(authorization: string | null): BearerCredentials {
  const value = authorization?.trim() ?? "";
  if (value === "") return { kind: "none" };
  const match = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+)(?: +(.*))?$/.exec(value);
  if (!match || match[1]!.toLowerCase() !== "bearer") return { kind: "none" };
  const token = match[2]?.trim() ?? "";
  if (token === "") return { kind: "malformed", reason: "the Authorization header has the Bearer scheme but no token" };
  if (token.length > MAX_TOKEN_LENGTH) return { kind: "malformed", reason: "the access token is too long" };
  if (!B64TOKEN.test(token)) return { kind: "malformed", reason: "the access token contains characters a bearer token cannot have (RFC 6750 section 2.1)" };
  return { kind: "token", token };
}
