import type { AuthorizePolicy } from "@/generated/prisma/client";
import type { OrgContext } from "@/lib/oauth/ports";
import { loadOrgSnapshot } from "./loadOrgSnapshot";
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

/** The org a protocol URL names, with its issuer; an unknown org is a 404 in OAuth form. */
export async function loadOrg(runtime: OAuthRuntime, slug: string): Promise<LoadedOrg> {
  return (await loadOrgSnapshot(runtime, slug)).org;
}
