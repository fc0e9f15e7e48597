import type { Prisma } from "@/generated/prisma/client";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { canonicalizeResource } from "@/lib/oauth/resource/canonicalizeResource";
import { UseCaseError } from "../errors/UseCaseError";
import { managementApiResource } from "./managementApiResource";
import { resourceUriOf } from "./resourceUriOf";
import type { Scope } from "./serverInput";

/** A server as it is about to be stored (credential aside). */
export interface ServerState {
  slug: string;
  name: string;
  resourceUri: string | null;
  upstreamUrl: string | null;
  scopes: Scope[];
  toolScopes: Record<string, string[]>;
}

/**
 * The rules a server must satisfy after any change, beyond each field's syntax (serverInput):
 *
 * - `resourceUri` (a server hosted elsewhere) is an https URI in canonical form
 *   (canonicalizeResource) and not on Gatehouse's own origin (a resource there is a gateway server:
 *   leave it empty);
 * - `upstreamUrl` is an absolute http(s) URL without user information or fragment, and only for a
 *   gateway server (a server hosted elsewhere is not proxied);
 * - scope names are unique, and every scope the tool map names is one of the server's scopes (else
 *   no token could ever call that tool);
 * - the slug and the resource identifier are unique in the org, the identifier also against the
 *   org's management API.
 *
 * Returns the state with `resourceUri` canonical. Refusals are UseCaseErrors naming the field.
 */
export async function checkServerState(
  db: Prisma.TransactionClient,
  org: { id: string; slug: string },
  publicUrl: string,
  state: ServerState,
  selfId?: string,
): Promise<ServerState> {
  const resourceUri = state.resourceUri === null ? null : checkResourceUri(state.resourceUri, publicUrl);
  if (state.upstreamUrl !== null) {
    if (resourceUri !== null) throw new UseCaseError("invalid", "A server hosted elsewhere is not proxied: give an upstream URL only to a server behind the gateway (no resource URI)", "upstreamUrl");
    checkUpstreamUrl(state.upstreamUrl);
  }
  const names = new Set<string>();
  for (const [index, scope] of state.scopes.entries()) {
    if (names.has(scope.name)) throw new UseCaseError("conflict", `The scope ${scope.name} is listed twice`, `scopes.${index}.name`);
    names.add(scope.name);
  }
  for (const [tool, scopes] of Object.entries(state.toolScopes)) {
    const unknown = scopes.find((scope) => !names.has(scope));
    if (unknown !== undefined) throw new UseCaseError("invalid", `The tool ${tool} needs the scope ${unknown}, which the server does not define`, `toolScopes.${tool}`);
  }

  const others = await db.mcpServer.findMany({ where: { orgId: org.id, ...(selfId ? { id: { not: selfId } } : {}) }, select: { slug: true, resourceUri: true } });
  if (others.some((other) => other.slug === state.slug)) throw new UseCaseError("conflict", `The slug "${state.slug}" is taken`, "slug");
  const identifier = resourceUriOf({ slug: state.slug, resourceUri }, org, publicUrl);
  if (identifier === managementApiResource(publicUrl, org.slug) || others.some((other) => resourceUriOf(other, org, publicUrl) === identifier)) {
    throw new UseCaseError("conflict", `Another resource of the organization already has the identifier ${identifier}`, resourceUri === null ? "slug" : "resourceUri");
  }
  return { ...state, resourceUri };
}

function checkResourceUri(value: string, publicUrl: string): string {
  let canonical: string;
  try {
    canonical = canonicalizeResource(value);
  } catch (error) {
    if (isOAuthError(error)) throw new UseCaseError("invalid", capitalize(error.description), "resourceUri");
    throw error;
  }
  if (!canonical.startsWith("https://")) throw new UseCaseError("invalid", "A server hosted elsewhere needs an https resource URI", "resourceUri");
  if (new URL(canonical).origin === new URL(publicUrl).origin) {
    throw new UseCaseError("invalid", "This URI is on Gatehouse's own origin: leave the resource URI empty to serve the server behind the gateway", "resourceUri");
  }
  return canonical;
}

function checkUpstreamUrl(value: string): void {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UseCaseError("invalid", "The upstream URL is not an absolute URL", "upstreamUrl");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new UseCaseError("invalid", "The upstream URL must use http or https", "upstreamUrl");
  if (url.username || url.password) throw new UseCaseError("invalid", "Put credentials in the upstream credential, not in the URL", "upstreamUrl");
  if (value.includes("#")) throw new UseCaseError("invalid", "The upstream URL must not have a fragment", "upstreamUrl");
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
