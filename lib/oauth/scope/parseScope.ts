/**
 * RFC 6749 §3.3: `scope = scope-token *( SP scope-token )`, `scope-token = 1*( %x21 / %x23-5B /
 * %x5D-7E )`. Returns the distinct tokens in request order, or undefined when a token has a
 * character outside that set (the caller picks the error code: invalid_scope at the token
 * endpoint, invalid_client_metadata at registration).
 *
 * Lenient on separators: runs of spaces are one separator, leading/trailing spaces are ignored.
 * Not checked: whether the scopes exist (callers know the resource).
 */
export function parseScope(value: string): string[] | undefined {
  const tokens = value.split(" ").filter((token) => token !== "");
  if (!tokens.every((token) => /^[\x21\x23-\x5b\x5d-\x7e]+$/.test(token))) return undefined;
  return [...new Set(tokens)];
}
