import { signAccessToken } from "../access-token/signAccessToken";
import type { Clock, KeyStore, OrgContext, Random } from "../ports";
import { generateOpaqueToken } from "./generateOpaqueToken";

export interface MintAccessTokenInput {
  /** The user id, or for client_credentials the client_id (RFC 9068 §2.2). */
  subject: string;
  clientId: string;
  resource: string;
  scopes: readonly string[];
  grantId: string;
}

export interface MintAccessTokenDeps {
  org: OrgContext;
  keys: KeyStore;
  random: Random;
  clock: Clock;
}

/** Signs an access token with the org's active key, lifetime from the org's settings. */
export async function mintAccessToken(
  input: MintAccessTokenInput,
  deps: MintAccessTokenDeps,
): Promise<{ accessToken: string; expiresIn: number; jti: string }> {
  const iat = Math.floor(deps.clock.now().getTime() / 1000);
  const expiresIn = deps.org.accessTokenTtlSec;
  const jti = generateOpaqueToken(deps.random, 16);
  const key = await deps.keys.getActiveSigningKey(deps.org.orgId);
  const accessToken = await signAccessToken(
    {
      iss: deps.org.issuer,
      sub: input.subject,
      aud: input.resource,
      client_id: input.clientId,
      scope: input.scopes.join(" "),
      iat,
      exp: iat + expiresIn,
      jti,
      grant_id: input.grantId,
    },
    key,
  );
  return { accessToken, expiresIn, jti };
}
