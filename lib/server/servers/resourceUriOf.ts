import { canonicalizeResource } from "@/lib/oauth/resource/canonicalizeResource";

/**
 * The RFC 8707 resource identifier of a server: its own URI when hosted elsewhere, else the gateway
 * URL, derived from PUBLIC_URL so that it follows the origin Gatehouse is served under.
 */
export function resourceUriOf(server: { slug: string; resourceUri: string | null }, org: { slug: string }, publicUrl: string): string {
  return canonicalizeResource(server.resourceUri ?? `${publicUrl}/mcp/${org.slug}/${server.slug}`);
}
