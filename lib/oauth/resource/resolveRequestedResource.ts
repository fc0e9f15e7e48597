import { invalidTarget } from "../errors/OAuthError";
import type { ResourceRecord, ResourceStore } from "../ports";
import { canonicalizeResource } from "./canonicalizeResource";

/**
 * The one resource a request is for (RFC 8707 §2), shared by the authorization request and the
 * client credentials grant.
 *
 * - More than one `resource`: refused. RFC 8707 allows several, but a Gatehouse token has exactly
 *   one audience (DESIGN.md: `aud` = the resource URI), so we cannot honor more.
 * - One: canonicalized, then it must be one of the org's resources.
 * - None: the org's default resource (DESIGN.md "Defaults of a new org"); without one, refused,
 *   because a token without an audience would be accepted by no resource, or by all.
 *
 * All refusals are `invalid_target`.
 */
export async function resolveRequestedResource(
  values: readonly string[],
  orgId: string,
  resources: ResourceStore,
): Promise<ResourceRecord> {
  if (values.length > 1) throw invalidTarget("only one resource may be requested per token");
  if (values.length === 0) {
    const fallback = await resources.findDefault(orgId);
    if (!fallback) throw invalidTarget("resource is required: this authorization server has no default resource");
    return fallback;
  }
  const resource = canonicalizeResource(values[0]!);
  const found = await resources.findByResource(orgId, resource);
  if (!found) throw invalidTarget(`resource "${resource}" is not protected by this authorization server`);
  return found;
}
