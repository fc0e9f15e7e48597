import type { PrismaClient } from "@/generated/prisma/client";
import { CimdClientRefused } from "@/lib/oauth/cimd/CimdClientRefused";
import { checkClientIdHost } from "@/lib/oauth/cimd/checkClientIdHost";
import { fetchClientMetadataDocument, type FetchClientMetadataDocumentPorts } from "@/lib/oauth/cimd/fetchClientMetadataDocument";
import type { Clock } from "@/lib/oauth/ports";
import { recordAuditEvent } from "../audit/recordAuditEvent";

export interface CimdOptions {
  clock: Clock;
  fetch: FetchClientMetadataDocumentPorts["fetch"];
  resolve: FetchClientMetadataDocumentPorts["resolve"];
  allowLoopback: boolean;
}

/**
 * A Client ID Metadata Document client, fetched on first use and again when its HTTP cache
 * lifetime has passed; kept as a `cimd` client row so grants and tokens can point at it. When the
 * org does not accept CIMD, or the host is outside the org's allow-list, throws CimdClientRefused
 * before anything is fetched, also for a client already stored, so narrowing the policy applies at
 * once (and a client holding a code or refresh token is told why, as `invalid_client`). Null when
 * the org does not exist. A fetch or validation failure throws the core's
 * `invalid_client_metadata` (its description says why; the network detail goes to the log).
 */
export async function resolveCimdClient(prisma: PrismaClient, orgId: string, clientId: string, options: CimdOptions) {
  const org = await prisma.org.findUnique({ where: { id: orgId }, select: { cimdPolicy: true, cimdAllowedHosts: true } });
  if (!org) return null;
  if (org.cimdPolicy === "off") throw new CimdClientRefused();
  checkClientIdHost(clientId, { mode: org.cimdPolicy, allowedHosts: org.cimdAllowedHosts });
  const now = options.clock.now();
  const existing = await prisma.client.findUnique({ where: { orgId_clientId: { orgId, clientId } } });
  if (existing && existing.metadataExpiresAt && existing.metadataExpiresAt > now) return existing;

  const { metadata, expiresAt } = await fetchClientMetadataDocument(clientId, { fetch: options.fetch, resolve: options.resolve, clock: options.clock }, { allowLoopback: options.allowLoopback });
  const fields = {
    name: metadata.client_name ?? null,
    tokenEndpointAuthMethod: "none",
    applicationType: metadata.application_type,
    redirectUris: metadata.redirect_uris,
    grantTypes: metadata.grant_types,
    responseTypes: metadata.response_types,
    scope: metadata.scope ?? null,
    logoUri: metadata.logo_uri ?? null,
    clientUri: metadata.client_uri ?? null,
    metadata: metadata as object,
    metadataExpiresAt: expiresAt,
  };
  const row = await prisma.client.upsert({
    where: { orgId_clientId: { orgId, clientId } },
    create: { orgId, clientId, source: "cimd", ...fields },
    update: fields,
  });
  if (!existing) {
    await recordAuditEvent(prisma, { orgId, kind: "client.registered", actor: { type: "client", id: clientId, label: metadata.client_name }, clientId, target: { type: "client", id: row.id }, details: { via: "cimd", redirect_uris: metadata.redirect_uris } });
  }
  return row;
}
