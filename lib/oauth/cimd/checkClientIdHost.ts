import { CimdClientRefused } from "./CimdClientRefused";
import type { CimdPolicy } from "./CimdPolicy";

const withoutTrailingDot = (host: string) => host.replace(/\.$/, "");

/**
 * Whether the org's policy lets this https `client_id` be resolved as a Client ID Metadata
 * Document, checked before anything is fetched. The CIMD draft leaves it to the authorization
 * server which documents it trusts; an allow-list is the policy an org chooses when only its own
 * clients' hosts should be fetched.
 *
 * A refused host is CimdClientRefused: at the authorization endpoint the same `invalid_request`
 * as a client id the org does not know (what an org with CIMD off answers), with a description
 * that says why; in client authentication `invalid_client`. A URL that does not parse is
 * left to validateClientIdUrl, which explains what is wrong with it. The port is not part of
 * the comparison: the list names hosts.
 */
export function checkClientIdHost(clientId: string, policy: CimdPolicy): void {
  if (policy.mode !== "listed_hosts") return;
  let host: string;
  try {
    host = withoutTrailingDot(new URL(clientId).hostname);
  } catch {
    return;
  }
  if (policy.allowedHosts.some((allowed) => withoutTrailingDot(allowed) === host)) return;
  throw new CimdClientRefused(host);
}
