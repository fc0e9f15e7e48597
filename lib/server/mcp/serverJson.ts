import type { ServerView } from "../servers/ServerView";

/** JSON member names of the management API and config files <-> use-case field names. */
const FIELD_NAMES: Record<string, string> = {
  resource_uri: "resourceUri",
  upstream_url: "upstreamUrl",
  upstream_credential: "upstreamCredential",
  tool_scopes: "toolScopes",
  default: "isDefault",
  requires_consent: "requiresConsent",
};
const JSON_NAMES = Object.fromEntries(Object.entries(FIELD_NAMES).map(([json, field]) => [field, json]));

/**
 * A server as JSON (snake_case, as the OpenAPI document describes it): never the upstream
 * credential, only whether one is set.
 */
export function toServerJson(server: ServerView) {
  return {
    slug: server.slug,
    name: server.name,
    mode: server.mode,
    resource: server.urls.resource,
    resource_uri: server.resourceUri,
    upstream_url: server.upstreamUrl,
    upstream_credential_set: server.hasUpstreamCredential,
    default: server.isDefault,
    scopes: server.scopes.map((s) => ({ name: s.name, description: s.description, default: s.isDefault, requires_consent: s.requiresConsent })),
    tool_scopes: server.toolScopes,
    discovery: {
      gateway_url: server.urls.gatewayUrl,
      resource_metadata_url: server.urls.resourceMetadataUrl,
      resource_metadata_urls: server.urls.resourceMetadataUrls,
      challenge_url: server.urls.challengeUrl,
      authorization_server: server.urls.issuer,
      authorization_server_metadata_url: server.urls.authorizationServerMetadataUrl,
    },
    created_at: server.createdAt.toISOString(),
    updated_at: server.updatedAt.toISOString(),
  };
}

/**
 * A create/update body (or a config file's server) in the use cases' field names. Unknown members
 * are kept as they are, so the use case's strict schema refuses them by their own name. The tool
 * map's keys are tool names and stay untouched.
 */
export function fromServerJson(body: Record<string, unknown>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(body)) {
    if (name === "scopes" && Array.isArray(value)) input.scopes = value.map((scope) => (isObject(scope) ? renameKeys(scope) : scope));
    else input[FIELD_NAMES[name] ?? name] = value;
  }
  return input;
}

/** A use-case field path (`scopes.1.isDefault`) in JSON member names (`scopes.1.default`). */
export function jsonFieldName(field: string): string {
  const [first, ...rest] = field.split(".");
  if (first === "toolScopes") return ["tool_scopes", ...rest].join(".");
  return [first, ...rest].map((part) => JSON_NAMES[part!] ?? part).join(".");
}

function renameKeys(object: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(object).map(([name, value]) => [FIELD_NAMES[name] ?? name, value]));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
