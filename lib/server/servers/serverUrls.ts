import { protectedResourceMetadataUrl } from "@/lib/mcp/metadata/protectedResourceMetadataUrl";
import { resourceUriOf } from "./resourceUriOf";

/** Where clients find a server and what describes it: shown by the portal and the management API. */
export interface ServerUrls {
  /** The RFC 8707 identifier: tokens for the server carry it as `aud`. */
  resource: string;
  /** `/mcp/{org}/{server}` for a server behind the gateway; null for a server hosted elsewhere. */
  gatewayUrl: string | null;
  /** The metadata URL 401 challenges name (RFC 9728 §5.1). */
  resourceMetadataUrl: string;
  /** Every URL serving the same metadata document. */
  resourceMetadataUrls: string[];
  /** `/orgs/{org}/api/v1/mcp/{server}/challenge`: what the resource answers without a token. */
  challengeUrl: string;
  issuer: string;
  authorizationServerMetadataUrl: string;
}

/**
 * A server behind the gateway: its metadata sits at the RFC 9728 path-insertion URL of its
 * identifier (what MCP clients compute), and at the LumoAuth-style form. A server hosted elsewhere:
 * only the LumoAuth-style form, under the org (its own origin is not ours to serve); its challenges
 * should name that URL.
 */
export function serverUrls(publicUrl: string, orgSlug: string, server: { slug: string; resourceUri: string | null }): ServerUrls {
  const issuer = `${publicUrl}/orgs/${orgSlug}`;
  const resource = resourceUriOf(server, { slug: orgSlug }, publicUrl);
  const underOrg = `${issuer}/api/v1/.well-known/oauth-protected-resource/mcp/${server.slug}`;
  const gateway = server.resourceUri === null;
  return {
    resource,
    gatewayUrl: gateway ? resource : null,
    resourceMetadataUrl: gateway ? protectedResourceMetadataUrl(resource) : underOrg,
    resourceMetadataUrls: gateway ? [protectedResourceMetadataUrl(resource), underOrg] : [underOrg],
    challengeUrl: `${issuer}/api/v1/mcp/${server.slug}/challenge`,
    issuer,
    authorizationServerMetadataUrl: `${publicUrl}/.well-known/oauth-authorization-server/orgs/${orgSlug}`,
  };
}
