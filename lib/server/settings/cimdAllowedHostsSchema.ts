import { z } from "zod";

/** A DNS host name (or an IPv4 address), lower case, no scheme, port, path or trailing dot. */
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/;
export const MAX_CIMD_ALLOWED_HOSTS = 50;

/**
 * The hosts an org accepts Client ID Metadata Documents from, as the settings form and config
 * files give them: trimmed, lower-cased, duplicates dropped. Each must be a bare host name, so
 * that what the admin wrote is what checkClientIdHost compares with a client_id's host.
 */
export const cimdAllowedHostsSchema = z
  .array(z.string().trim().toLowerCase())
  .max(MAX_CIMD_ALLOWED_HOSTS, { error: `At most ${MAX_CIMD_ALLOWED_HOSTS} hosts` })
  .superRefine((hosts, ctx) => {
    const bad = hosts.find((host) => !HOST_NAME.test(host));
    if (bad !== undefined) {
      ctx.addIssue({ code: "custom", message: `"${bad.slice(0, 80)}" is not a host name: write only the host, like app.example.com (no https://, port or path)` });
    }
  })
  .transform((hosts) => [...new Set(hosts)]);
