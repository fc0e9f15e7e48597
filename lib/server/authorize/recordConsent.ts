import type { PrismaClient } from "@/generated/prisma/client";
import type { AuthorizationRequest } from "@/lib/oauth/authorization/validateAuthorizationRequest";
import type { GrantRecord } from "@/lib/oauth/ports";
import { ChangeFeed } from "../cache/ChangeFeed";

const select = { id: true, orgId: true, userId: true, clientRowId: true, resource: true, scopes: true, revokedAt: true } as const;

/**
 * Records the user's consent: the live grant for this client and resource grows to include the
 * requested scopes (step-up keeps one grant), or a new grant is created.
 */
export async function recordConsent(prisma: PrismaClient, orgId: string, userId: string, request: AuthorizationRequest): Promise<GrantRecord> {
  const grant = await prisma.$transaction(async (tx) => {
    const existing = await tx.grant.findFirst({
      where: { orgId, userId, clientRowId: request.client.id, resource: request.resource.resource, revokedAt: null },
      orderBy: { createdAt: "desc" },
      select,
    });
    if (existing) {
      const scopes = [...new Set([...existing.scopes, ...request.scopes])].sort();
      return tx.grant.update({ where: { id: existing.id }, data: { scopes }, select });
    }
    return tx.grant.create({
      data: { orgId, userId, clientRowId: request.client.id, serverId: request.resource.serverId, resource: request.resource.resource, scopes: [...request.scopes].sort() },
      select,
    });
  });
  // Step-up grows an existing grant: tokens checked against it must see the new scopes here now.
  ChangeFeed.announce(prisma, { kind: "grant", grantId: grant.id, clientRowId: grant.clientRowId });
  return grant;
}
