import { invalidClientMetadata } from "../errors/OAuthError";
import { printable } from "../errors/printable";

const MAX_CLIENT_ID_URL_LENGTH = 2000;

/**
 * Whether a `client_id` is acceptable as a Client ID Metadata Document URL (CIMD draft, "Client
 * Identifier"): https, a host, a path, no single- or double-dot path segments (also
 * percent-encoded), no fragment, no user information; a port and a query are allowed. We also
 * refuse the bare origin (`https://app.example/`): a document is a file, not a site, and a
 * path-less URL usually means a mistake.
 *
 * The URL is used exactly as given: never normalized, because the document's `client_id` must
 * equal it byte for byte.
 *
 * Not checked: where the host resolves (fetchClientMetadataDocument checks every address).
 * Throws `invalid_client_metadata`.
 */
export function validateClientIdUrl(url: string): URL {
  const refuse = (problem: string) => invalidClientMetadata(`client_id "${printable(url)}" ${problem}`);
  if (url.length > MAX_CLIENT_ID_URL_LENGTH) throw refuse(`is longer than ${MAX_CLIENT_ID_URL_LENGTH} characters`);
  if (/[\s\\\x00-\x1f\x7f]/.test(url)) throw refuse("contains whitespace, control characters or a backslash");
  if (!/^https:\/\/[^/?#]+\//.test(url)) throw refuse("must be an https URL with a host and a path");
  if (url.includes("#")) throw refuse("must not include a fragment");
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw refuse("is not a valid URL");
  }
  const authority = /^https:\/\/([^/?#]+)/.exec(url)![1]!;
  if (authority.includes("@") || parsed.username || parsed.password) throw refuse("must not include user information");
  const path = url.slice(8 + authority.length).split("?", 1)[0]!;
  if (path === "/") throw refuse("must have a path naming the document");
  if (path.split("/").some((segment) => /^(\.|%2e){1,2}$/i.test(segment))) throw refuse("must not contain . or .. path segments");
  return parsed;
}
