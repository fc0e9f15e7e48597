/**
 * The value of a `WWW-Authenticate: Bearer ...` response header (RFC 6750 §3, RFC 9728 §5.1).
 *
 * Parameters, in this order when present: `realm`, `resource_metadata`, `scope`, `error`,
 * `error_description`. Every value is sent as an RFC 7235 §2.1 quoted-string (RFC 6750 §3 requires
 * quoted values for scope, error and error_description; RFC 9728 §5.1 for resource_metadata).
 *
 * What each value may contain:
 * - `error`, `error_description`: RFC 6750 §3 limits them to %x20-21 / %x23-5B / %x5D-7E, so no
 *   `"` and no `\` at all, and no character outside printable ASCII. A description is made to fit:
 *   `"` becomes `'`, `\` becomes `/`, anything else outside the set becomes `?`; clipped to 300.
 * - `scope`: space-separated scope-tokens (RFC 6749 §3.3: %x21 / %x23-5B / %x5D-7E). Tokens
 *   outside that syntax are dropped rather than escaped (no client could request them anyway);
 *   duplicates are dropped; an empty list omits the parameter.
 * - `resource_metadata`, `realm`: any string; `"` and `\` are escaped as quoted-pairs, and
 *   characters a header cannot carry (controls, non-ASCII) are percent-encoded as UTF-8, which
 *   leaves a URL meaning the same.
 *
 * Not done: auth-param ordering or names beyond these five, several challenges in one header.
 */
export interface BearerChallenge {
  realm?: string;
  /** RFC 9728 §5.1: the absolute URL of the resource's protected resource metadata. */
  resourceMetadata?: string;
  /** The scopes needed (RFC 6750 §3). */
  scope?: readonly string[];
  error?: "invalid_request" | "invalid_token" | "insufficient_scope";
  errorDescription?: string;
}

const SCOPE_TOKEN = /^[\x21\x23-\x5b\x5d-\x7e]+$/;
const MAX_DESCRIPTION = 300;

export function buildBearerChallenge(challenge: BearerChallenge): string {
  const params: string[] = [];
  if (challenge.realm !== undefined) params.push(`realm=${quote(challenge.realm)}`);
  if (challenge.resourceMetadata !== undefined) params.push(`resource_metadata=${quote(challenge.resourceMetadata)}`);
  const scopes = [...new Set((challenge.scope ?? []).filter((s) => SCOPE_TOKEN.test(s)))];
  if (scopes.length > 0) params.push(`scope="${scopes.join(" ")}"`);
  if (challenge.error !== undefined) params.push(`error="${restricted(challenge.error)}"`);
  if (challenge.errorDescription !== undefined) params.push(`error_description="${restricted(challenge.errorDescription)}"`);
  return params.length > 0 ? `Bearer ${params.join(", ")}` : "Bearer";
}

/** RFC 7235 quoted-string: `"` and `\` as quoted-pairs; bytes a header cannot carry percent-encoded. */
function quote(value: string): string {
  const safe = value.replace(/[^\x20-\x7e]/gu, percentEncode);
  return `"${safe.replace(/["\\]/g, (c) => `\\${c}`)}"`;
}

/** A lone surrogate has no UTF-8 form: it becomes U+FFFD. */
function percentEncode(c: string): string {
  try {
    return encodeURIComponent(c);
  } catch {
    return "%EF%BF%BD";
  }
}

/** RFC 6750 §3: %x20-21 / %x23-5B / %x5D-7E only. */
function restricted(value: string): string {
  const cleaned = value.replace(/"/g, "'").replace(/\\/g, "/").replace(/[^\x20-\x7e]/gu, "?");
  return cleaned.length > MAX_DESCRIPTION ? `${cleaned.slice(0, MAX_DESCRIPTION - 3)}...` : cleaned;
}
