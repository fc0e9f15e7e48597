import type { PrismaClient } from "@/generated/prisma/client";
import type { AuthorizationRequest } from "@/lib/oauth/authorization/validateAuthorizationRequest";
import type { GrantRecord } from "@/lib/oauth/ports";

const select = { id: true, orgId: true, userId: true, clientRowId: true, resource: true, scopes: true, revokedAt: true } as const;

/** The user's live grant for this client and resource, if it already covers every requested scope. */
export async function findCoveringGrant(prisma: PrismaClient, orgId: string, userId: string, request: AuthorizationRequest): Promise<GrantRecord | null> {
  const grant = await prisma.grant.findFirst({
    where: { orgId, userId, clientRowId: request.client.id, resource: request.resource.resource, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select,
  });
  return grant && request.scopes.every((s) => grant.scopes.includes(s)) ? grant : null;
}
