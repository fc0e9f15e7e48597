import { OAuthError } from "../errors/OAuthError";
import { printable } from "../errors/printable";

const NOT_REGISTERED = "client_id is not registered with this authorization server";

/**
 * The org's policy does not (or no longer) accept this https `client_id` as a Client ID Metadata
 * Document: CIMD is off, or the document's host is not on the org's list. Thrown by the client
 * store before anything is fetched, also for a client already stored, so narrowing the policy
 * applies at once.
 *
 * As it stands it is the authorization endpoint's answer: the same `invalid_request` as a client
 * id the org does not know, shown on an error page (RFC 6749 §4.1.2.1: never redirected for an
 * unidentified client). Client authentication (token, introspection, revocation) turns it into
 * `invalid_client` instead, with `clientAuthenticationFailure` as the reason: RFC 6749 §5.2, the
 * client cannot be identified, which is what a client holding a code or refresh token from before
 * the change must be told (not that its request is malformed).
 */
export class CimdClientRefused extends OAuthError {
  /** The document's host; undefined when the org accepts no Client ID Metadata Documents at all. */
  readonly host: string | undefined;

  constructor(host?: string) {
    super(
      "invalid_request",
      host === undefined
        ? NOT_REGISTERED
        : `${NOT_REGISTERED}: this organization accepts Client ID Metadata Documents only from listed hosts, and ${printable(host)} is not one of them`,
    );
    this.host = host;
  }

  /** The reason client authentication gives (after "client authentication failed: "). */
  get clientAuthenticationFailure(): string {
    return this.host === undefined
      ? "this organization no longer accepts Client ID Metadata Documents as client_id"
      : `this organization no longer accepts Client ID Metadata Documents from ${printable(this.host)}`;
  }
}
