import { serverError } from "../errors/OAuthError";
import type { AuthorizationCodeStore, Clock, GrantRecord, OrgContext, Random, SecretHasher } from "../ports";
import { generateOpaqueToken } from "../token/generateOpaqueToken";
import { buildAuthorizationResponseUrl } from "./buildAuthorizationResponseUrl";
import type { AuthorizationRequest } from "./validateAuthorizationRequest";

export interface IssueAuthorizationCodeDeps {
  org: Pick<OrgContext, "issuer">;
  codes: AuthorizationCodeStore;
  hasher: SecretHasher;
  random: Random;
  clock: Clock;
  /** RFC 6749 §4.1.2: "A maximum authorization code lifetime of 10 minutes is RECOMMENDED". Default 60 s. */
  codeTtlSec?: number;
}

/**
 * The successful end of the authorization step, after the user consented: stores a single-use
 * code bound to the client, redirect URI, PKCE challenge, resource and scopes of the validated
 * request (only its hash is stored), and returns the redirect to the client with `code`, `state`
 * and `iss` (RFC 6749 §4.1.2, RFC 9207).
 *
 * `grant` is the user's consent that covers the request; lib/server creates or extends it. That it
 * really covers the request (same client and resource, scopes included, not revoked) is asserted
 * here, as a `server_error`: a mismatch is a bug in the caller, never a client mistake.
 *
 * Not checked: who the user is, or whether they may authorize (the consent flow decides).
 */
export async function issueAuthorizationCode(
  request: AuthorizationRequest,
  grant: GrantRecord,
  deps: IssueAuthorizationCodeDeps,
): Promise<{ location: string }> {
  assertGrantCoversRequest(request, grant);
  const code = generateOpaqueToken(deps.random);
  const now = deps.clock.now();
  await deps.codes.create({
    codeHash: deps.hasher.hashForLookup(code),
    grantId: grant.id,
    clientRowId: request.client.id,
    redirectUri: request.redirectUri,
    codeChallenge: request.codeChallenge,
    codeChallengeMethod: request.codeChallengeMethod,
    resource: request.resource.resource,
    scopes: request.scopes,
    expiresAt: new Date(now.getTime() + (deps.codeTtlSec ?? 60) * 1000),
    usedAt: null,
  });
  const location = buildAuthorizationResponseUrl(request.redirectUri, { code, state: request.state, iss: deps.org.issuer });
  return { location };
}

function assertGrantCoversRequest(request: AuthorizationRequest, grant: GrantRecord): void {
  const problem =
    grant.revokedAt !== null
      ? "grant is revoked"
      : grant.clientRowId !== request.client.id
        ? "grant belongs to another client"
        : grant.resource !== request.resource.resource
          ? "grant is for another resource"
          : request.scopes.some((scope) => !grant.scopes.includes(scope))
            ? "grant lacks requested scopes"
            : undefined;
  if (problem) throw serverError("the authorization could not be completed", { cause: `issueAuthorizationCode: ${problem}` });
}
