import type { AuthorizationRequest } from "@/lib/oauth/authorization/validateAuthorizationRequest";
import { issueAuthorizationCode } from "@/lib/oauth/authorization/issueAuthorizationCode";
import type { GrantRecord } from "@/lib/oauth/ports";
import type { SessionUser } from "../auth/getSessionUser";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import type { LoadedOrg } from "../oauth/loadOrg";
import type { OAuthRuntime } from "../oauth/OAuthRuntime";

/** Issues the code under `grant` and returns the client redirect carrying code, state and iss. */
export async function completeAuthorization(runtime: OAuthRuntime, org: LoadedOrg, user: SessionUser, request: AuthorizationRequest, grant: GrantRecord): Promise<string> {
  const { location } = await issueAuthorizationCode(request, grant, { org, codes: runtime.codes, hasher: runtime.hasher, random: runtime.random, clock: runtime.clock });
  await runtime.prisma.client.update({ where: { id: request.client.id }, data: { lastUsedAt: runtime.clock.now() } });
  await recordAuditEvent(runtime.prisma, {
    orgId: org.orgId,
    kind: "code.issued",
    actor: { type: "user", id: user.id, label: user.email },
    clientId: request.client.clientId,
    serverId: request.resource.serverId,
    target: { type: "grant", id: grant.id },
    details: { scopes: request.scopes, resource: request.resource.resource },
  });
  return location;
}
