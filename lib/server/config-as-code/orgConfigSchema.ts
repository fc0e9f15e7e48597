import { z } from "zod";
import { cimdAllowedHostsSchema } from "../settings/cimdAllowedHostsSchema";

export const ORG_CONFIG_FORMAT = "gatehouse-org-config/1";

/**
 * An org's settings as a config file carries them. `cimd_enabled` is what files exported before
 * the CIMD policy said (true: any public host, false: off); `cimd_policy` wins when both are given.
 */
export const orgSettings = z.strictObject({
  open_registration: z.boolean(),
  cimd_policy: z.enum(["off", "any_public_host", "listed_hosts"]),
  cimd_allowed_hosts: cimdAllowedHostsSchema,
  cimd_enabled: z.boolean(),
  authorize_policy: z.enum(["members", "any_user"]),
  access_token_ttl_sec: z.int().min(60, { error: "At least 60 seconds" }).max(86_400, { error: "At most a day" }),
  refresh_token_ttl_sec: z.int().min(3_600, { error: "At least an hour" }).max(31_536_000, { error: "At most a year" }),
  /** The slug of the org's default resource, or null for none. */
  default_server: z.string().nullable(),
});

/**
 * A server entry. Its members are the management API's (serverJson), checked by the server use
 * cases; `upstream_credential_set` is what an export says and is ignored on import, where
 * `upstream_credential` (clear text, stored encrypted) sets the credential, null removes it and
 * absence keeps it.
 */
export const configServer = z.looseObject({ slug: z.string() });

/**
 * A pre-registered (admin) client: confidential, `client_secret_basic`. `client_secret` (clear
 * text, stored hashed) or `client_secret_sha256` (the stored hash, as exported) sets its secret;
 * neither keeps the secret of an existing client, and a new client gets a generated one.
 */
export const configClient = z.strictObject({
  client_id: z
    .string()
    .min(1)
    .max(200)
    .regex(/^[\x21-\x7e]+$/, { error: "A client_id is printable ASCII without spaces" })
    .refine((id) => !/^https?:/i.test(id), { error: "URL client_ids are Client ID Metadata Documents, not pre-registered clients" }),
  name: z.string().min(1).max(200),
  grant_types: z.array(z.enum(["authorization_code", "refresh_token", "client_credentials"])).min(1),
  scope: z.string().max(2000).nullable().default(null),
  redirect_uris: z.array(z.string()).default([]),
  can_introspect: z.boolean().default(false),
  client_secret: z.string().min(32, { error: "A client secret has at least 32 characters" }).max(512).optional(),
  client_secret_sha256: z.string().regex(/^[A-Za-z0-9_-]{43}$/, { error: "Not a SHA-256 hash in base64url" }).optional(),
});

export const orgConfig = z.strictObject({
  format: z.literal(ORG_CONFIG_FORMAT, { error: `format must be "${ORG_CONFIG_FORMAT}"` }),
  org: z.strictObject({ slug: z.string().optional(), name: z.string().trim().min(1).max(100), settings: orgSettings.partial().default({}) }).partial({ name: true }).default({ settings: {} }),
  servers: z.array(configServer).default([]),
  clients: z.array(configClient).default([]),
});

export type OrgConfig = z.output<typeof orgConfig>;
export type OrgConfigInput = z.input<typeof orgConfig>;
export type ConfigClient = z.output<typeof configClient>;
