import { invalidGrant } from "../errors/OAuthError";
import type { GrantRecord, GrantStore } from "../ports";

/**
 * The grant a code or refresh token was issued under, if it still stands. A revoked (or deleted)
 * grant makes every credential under it worthless (DESIGN.md "Grant"): `invalid_grant`.
 */
export async function findLiveGrant(grantId: string, grants: GrantStore): Promise<GrantRecord> {
  const grant = await grants.find(grantId);
  if (!grant || grant.revokedAt !== null) throw invalidGrant("the authorization grant has been revoked");
  return grant;
}
