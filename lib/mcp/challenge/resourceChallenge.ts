import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import { buildBearerChallenge } from "./buildBearerChallenge";

/** What a protected resource tells a client that must (re)authorize. */
export interface ResourceChallenge {
  /** RFC 9728 §5.1: absolute URL of the resource's protected resource metadata. */
  resourceMetadataUrl: string;
  /** The scopes to ask for: the resource's default scopes, or those the refused operation needs. */
  scopes: readonly string[];
}

export const MISSING_TOKEN_DESCRIPTION =
  "This resource requires an OAuth access token: send Authorization: Bearer <token>. The WWW-Authenticate header names the resource metadata that tells where to get one.";

/**
 * No token, or no Bearer credentials (RFC 6750 §3.1: "If the request lacks any authentication
 * information ... the resource server SHOULD NOT include an error code"): 401 with the challenge
 * alone. The JSON body still says `invalid_token`, the RFC 6750 code closest to the situation.
 */
export function missingTokenError(challenge: ResourceChallenge): OAuthError {
  return new OAuthError("invalid_token", MISSING_TOKEN_DESCRIPTION, {
    wwwAuthenticate: buildBearerChallenge({ resourceMetadata: challenge.resourceMetadataUrl, scope: challenge.scopes }),
  });
}

/** RFC 6750 §3.1 `invalid_token` (401): the token is malformed, expired, revoked or for another resource. */
export function invalidTokenError(challenge: ResourceChallenge, description: string, cause?: unknown): OAuthError {
  return new OAuthError("invalid_token", description, {
    cause,
    wwwAuthenticate: buildBearerChallenge({
      resourceMetadata: challenge.resourceMetadataUrl,
      scope: challenge.scopes,
      error: "invalid_token",
      errorDescription: description,
    }),
  });
}

/**
 * RFC 6750 §3.1 `insufficient_scope` (403). `needed` is every scope the refused operation needs
 * (not only the missing ones, and not the token's other scopes: MCP 2026-07-28 leaves accumulating
 * scopes across step-ups to the client), so a client can step up with exactly these.
 */
export function insufficientScopeError(resourceMetadataUrl: string, needed: readonly string[], description: string): OAuthError {
  return new OAuthError("insufficient_scope", description, {
    wwwAuthenticate: buildBearerChallenge({ resourceMetadata: resourceMetadataUrl, scope: needed, error: "insufficient_scope", errorDescription: description }),
  });
}
