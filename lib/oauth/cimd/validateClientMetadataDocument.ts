import { invalidClientMetadata } from "../errors/OAuthError";
import { type ClientMetadata, validateClientMetadata } from "../registration/validateClientMetadata";
import { validateClientIdUrl } from "./validateClientIdUrl";

/**
 * A fetched Client ID Metadata Document, judged against the URL it came from (CIMD draft,
 * "Client Metadata"):
 *
 * 1. the URL is a valid client id URL (validateClientIdUrl);
 * 2. the document is a JSON object whose `client_id` equals the URL exactly (simple string
 *    comparison, no normalization);
 * 3. no shared secret: `client_secret` and `client_secret_expires_at` must be absent, and
 *    `token_endpoint_auth_method` absent or `none`. A document is public, so anything in it is
 *    known to everyone; we support no key-based client authentication, so CIMD clients are public;
 * 4. the rest is RFC 7591 metadata, checked as for open registration (validateClientMetadata):
 *    redirect URIs (`invalid_redirect_uri`), no client_credentials, consistent grant and response
 *    types.
 *
 * Returns the normalized metadata with `token_endpoint_auth_method: "none"`.
 *
 * Not checked: that the redirect URIs share the client id's origin (the draft leaves it to policy,
 * and native MCP clients use loopback redirects; the consent screen shows the client id's host
 * instead); the fetch itself (fetchClientMetadataDocument).
 */
export function validateClientMetadataDocument(url: string, document: unknown): ClientMetadata {
  validateClientIdUrl(url);
  if (typeof document !== "object" || document === null || Array.isArray(document)) {
    throw invalidClientMetadata("the client metadata document must be a JSON object");
  }
  const body = document as Record<string, unknown>;
  if (body.client_id !== url) {
    throw invalidClientMetadata("the client metadata document's client_id must equal the URL it was fetched from");
  }
  for (const field of ["client_secret", "client_secret_expires_at"]) {
    if (field in body) throw invalidClientMetadata(`the client metadata document must not contain ${field}`);
  }
  const method = body.token_endpoint_auth_method;
  if (method !== undefined && method !== "none") {
    throw invalidClientMetadata('token_endpoint_auth_method must be "none" for a client identified by a metadata document');
  }
  return validateClientMetadata({ ...body, token_endpoint_auth_method: "none" }, { open: true });
}
