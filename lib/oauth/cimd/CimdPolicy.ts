/**
 * Which Client ID Metadata Documents an org accepts: none, any https host (whose addresses the
 * fetch still checks are public), or only the listed hosts. `allowedHosts` are lower-case host
 * names without a port; they matter only for `listed_hosts`.
 */
export interface CimdPolicy {
  mode: "off" | "any_public_host" | "listed_hosts";
  allowedHosts: readonly string[];
}
