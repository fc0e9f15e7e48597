import type { PrismaClient } from "@/generated/prisma/client";
import { UseCaseError } from "../errors/UseCaseError";
import { serverSelect, type ServerRow } from "../servers/ServerView";
import { ORG_CONFIG_FORMAT, type OrgConfigInput } from "./orgConfigSchema";

/** A server as a config file carries it: what an admin sets, nothing derived, never the credential. */
export function serverConfigOf(row: ServerRow) {
  return {
    slug: row.slug,
    name: row.name,
    resource_uri: row.resourceUri,
    upstream_url: row.upstreamUrl,
    upstream_credential_set: row.upstreamCredentialEncrypted !== null,
    scopes: row.scopes.map((s) => ({ name: s.name, description: s.description, default: s.isDefault, requires_consent: s.requiresConsent })),
    tool_scopes: row.toolScopes as Record<string, string[]>,
  };
}

export function clientConfigOf(row: { clientId: string; name: string | null; grantTypes: string[]; scope: string | null; redirectUris: string[]; canIntrospect: boolean; secretHash: string | null }) {
  return {
    client_id: row.clientId,
    name: row.name ?? row.clientId,
    grant_types: row.grantTypes as ("authorization_code" | "refresh_token" | "client_credentials")[],
    scope: row.scope,
    redirect_uris: row.redirectUris,
    can_introspect: row.canIntrospect,
    ...(row.secretHash ? { client_secret_sha256: row.secretHash } : {}),
  };
}

export const clientConfigSelect = { clientId: true, name: true, grantTypes: true, scope: true, redirectUris: true, canIntrospect: true, secretHash: true, source: true } as const;

/**
 * The org's configuration as code (`npx gatehouse export`): settings, servers with scopes and tool
 * map, and the pre-registered (admin) clients. Secrets never appear in clear: upstream credentials
 * only as `upstream_credential_set` (they are encrypted with this installation's key), client
 * secrets as the SHA-256 hash Gatehouse stores (enough to move a client to another installation
 * without a new secret; not enough to authenticate as it). Clients registered dynamically or by
 * metadata document are runtime data, not configuration: left out.
 */
export async function exportOrgConfig(prisma: PrismaClient, orgSlug: string): Promise<OrgConfigInput> {
  const org = await prisma.org.findUnique({
    where: { slug: orgSlug },
    include: {
      defaultServer: { select: { slug: true } },
      servers: { select: serverSelect, orderBy: [{ createdAt: "asc" }, { slug: "asc" }] },
      clients: { where: { source: "admin" }, select: clientConfigSelect, orderBy: [{ createdAt: "asc" }, { clientId: "asc" }] },
    },
  });
  if (!org) throw new UseCaseError("not_found", `No org with the slug "${orgSlug}"`);
  return {
    format: ORG_CONFIG_FORMAT,
    org: {
      slug: org.slug,
      name: org.name,
      settings: {
        open_registration: org.openRegistration,
        cimd_policy: org.cimdPolicy,
        cimd_allowed_hosts: org.cimdAllowedHosts,
        authorize_policy: org.authorizePolicy,
        access_token_ttl_sec: org.accessTokenTtlSec,
        refresh_token_ttl_sec: org.refreshTokenTtlSec,
        default_server: org.defaultServer?.slug ?? null,
      },
    },
    servers: org.servers.map(serverConfigOf),
    clients: org.clients.map(clientConfigOf),
  };
}
