import type { Client } from "@/generated/prisma/client";
import type { ApplicationType, ClientRecord, GrantType, TokenEndpointAuthMethod } from "@/lib/oauth/ports";

/** The domain view of a client row; Prisma's type stops here. */
export function toClientRecord(row: Client): ClientRecord {
  return {
    id: row.id,
    orgId: row.orgId,
    clientId: row.clientId,
    source: row.source,
    name: row.name,
    secretHash: row.secretHash,
    secretExpiresAt: row.secretExpiresAt,
    tokenEndpointAuthMethod: row.tokenEndpointAuthMethod as TokenEndpointAuthMethod,
    applicationType: row.applicationType as ApplicationType,
    redirectUris: row.redirectUris,
    grantTypes: row.grantTypes as GrantType[],
    scope: row.scope,
    canIntrospect: row.canIntrospect,
    disabled: row.disabledAt !== null,
  };
}
