import type { AuthorizationRequest } from "@/lib/oauth/authorization/validateAuthorizationRequest";
import type { OAuthRuntime } from "../oauth/OAuthRuntime";

export interface ConsentDescription {
  clientName: string;
  clientId: string;
  clientSource: "dcr" | "cimd" | "admin";
  logoUri: string | null;
  clientUri: string | null;
  redirectHost: string;
  serverName: string;
  resource: string;
  scopes: { name: string; description: string }[];
}

/** What the consent screen shows about a validated request: who asks, where the answer goes, for what. */
export async function describeConsent(runtime: OAuthRuntime, request: AuthorizationRequest): Promise<ConsentDescription> {
  const [client, server, scopes] = await Promise.all([
    runtime.prisma.client.findUniqueOrThrow({ where: { id: request.client.id }, select: { name: true, logoUri: true, clientUri: true } }),
    runtime.prisma.mcpServer.findUnique({ where: { id: request.resource.serverId }, select: { name: true } }),
    runtime.prisma.scope.findMany({ where: { serverId: request.resource.serverId, name: { in: request.scopes } }, select: { name: true, description: true } }),
  ]);
  const redirect = new URL(request.redirectUri);
  return {
    clientName: client.name ?? request.client.clientId,
    clientId: request.client.clientId,
    clientSource: request.client.source,
    // Only https logos: an http or data: URL on the consent screen is a mixed-content or spoofing risk.
    logoUri: client.logoUri?.startsWith("https://") ? client.logoUri : null,
    clientUri: client.clientUri,
    redirectHost: redirect.host || `${redirect.protocol}//`,
    serverName: server?.name ?? request.resource.resource,
    resource: request.resource.resource,
    scopes: request.scopes.map((name) => ({ name, description: scopes.find((s) => s.name === name)?.description ?? "" })),
  };
}
