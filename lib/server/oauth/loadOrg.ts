import type { AuthorizePolicy } from "@/generated/prisma/client";
import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import type { OrgContext } from "@/lib/oauth/ports";
import type { OAuthRuntime } from "./OAuthRuntime";

export interface LoadedOrg extends OrgContext {
  slug: string;
  name: string;
  openRegistration: boolean;
  /** Client ID Metadata Documents accepted at all (from any host, or from listed ones). */
  cimdEnabled: boolean;
  authorizePolicy: AuthorizePolicy;
  defaultServerId: string | null;
}

const SLUG = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/** The org a protocol URL names, with its issuer; an unknown org is a 404 in OAuth form. */
export async function loadOrg(runtime: OAuthRuntime, slug: string): Promise<LoadedOrg> {
  const org = SLUG.test(slug) ? await runtime.prisma.org.findUnique({ where: { slug } }) : null;
  if (!org) throw new OAuthError("invalid_request", `There is no organization "${slug.slice(0, 64)}" on this server`, { status: 404 });
  return {
    orgId: org.id,
    issuer: `${runtime.config.publicUrl}/orgs/${org.slug}`,
    accessTokenTtlSec: org.accessTokenTtlSec,
    refreshTokenTtlSec: org.refreshTokenTtlSec,
    slug: org.slug,
    name: org.name,
    openRegistration: org.openRegistration,
    cimdEnabled: org.cimdPolicy !== "off",
    authorizePolicy: org.authorizePolicy,
    defaultServerId: org.defaultServerId,
  };
}
