import type { ClientSource } from "@/generated/prisma/client";
import { getDatabase } from "../db/getDatabase";

export interface ClientRow {
  id: string;
  clientId: string;
  name: string | null;
  source: ClientSource;
  confidential: boolean;
  redirectUris: string[];
  grantTypes: string[];
  scope: string | null;
  canIntrospect: boolean;
  disabledAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date | null;
  activeGrants: number;
}

/** The org's clients, newest first, with how many live grants each holds. */
export async function listClients(orgId: string): Promise<ClientRow[]> {
  const { prisma } = await getDatabase();
  const rows = await prisma.client.findMany({
    where: { orgId },
    orderBy: [{ createdAt: "desc" }, { id: "asc" }],
    select: {
      id: true,
      clientId: true,
      name: true,
      source: true,
      tokenEndpointAuthMethod: true,
      redirectUris: true,
      grantTypes: true,
      scope: true,
      canIntrospect: true,
      disabledAt: true,
      createdAt: true,
      lastUsedAt: true,
      _count: { select: { grants: { where: { revokedAt: null } } } },
    },
  });
  return rows.map(({ tokenEndpointAuthMethod, _count, ...row }) => ({ ...row, confidential: tokenEndpointAuthMethod !== "none", activeGrants: _count.grants }));
}
