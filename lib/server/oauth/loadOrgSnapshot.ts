import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import type { OrgSnapshot } from "./OrgDirectory";
import type { OAuthRuntime } from "./OAuthRuntime";

/** The org a protocol URL names with its resources (OrgDirectory); unknown: a 404 in OAuth form. */
export async function loadOrgSnapshot(runtime: Pick<OAuthRuntime, "orgs">, slug: string): Promise<OrgSnapshot> {
  const snapshot = await runtime.orgs.bySlug(slug);
  if (!snapshot) throw new OAuthError("invalid_request", `There is no organization "${slug.slice(0, 64)}" on this server`, { status: 404 });
  return snapshot;
}
