/**
 * What the protocol core needs from the outside world, and the domain records it speaks.
 *
 * lib/server implements these ports (Prisma stores, the system clock, node:crypto). The records
 * mirror the meaning of prisma/schema.prisma but are plain objects: no Prisma type crosses this
 * line. Every store method that takes an org id is scoped to that org; the core never assumes a
 * store is bound to an org by construction.
 */

import type { JWK } from "jose";

// ---------------------------------------------------------------------------------------------
// Domain records
// ---------------------------------------------------------------------------------------------

export type ClientSource = "dcr" | "cimd" | "admin";
export type TokenEndpointAuthMethod = "none" | "client_secret_basic" | "client_secret_post";
export type GrantType = "authorization_code" | "refresh_token" | "client_credentials";
export type ApplicationType = "web" | "native";

export interface ClientRecord {
  /** Storage id of the client (what grants, codes and refresh tokens point at). */
  id: string;
  orgId: string;
  /** The OAuth `client_id`: random for DCR/admin clients, the document URL for CIMD. */
  clientId: string;
  source: ClientSource;
  name: string | null;
  /** Hash of the client secret (SecretHasher); null for public clients. */
  secretHash: string | null;
  /** RFC 7591 `client_secret_expires_at`; null when the secret never expires. */
  secretExpiresAt: Date | null;
  tokenEndpointAuthMethod: TokenEndpointAuthMethod;
  applicationType: ApplicationType;
  redirectUris: string[];
  grantTypes: GrantType[];
  /** Space-separated scopes the client may request with client_credentials; null for any. */
  scope: string | null;
  /** May introspect any token of the org (resource servers hosted elsewhere). */
  canIntrospect: boolean;
  disabled: boolean;
}

/** One user's consent for one client on one resource. Client-credentials grants have no user. */
export interface GrantRecord {
  id: string;
  orgId: string;
  userId: string | null;
  clientRowId: string;
  resource: string;
  scopes: string[];
  revokedAt: Date | null;
}

export interface AuthorizationCodeRecord {
  /** SecretHasher.hashForLookup of the code; the code itself is never stored. */
  codeHash: string;
  grantId: string;
  clientRowId: string;
  /** The redirect URI the authorization response went to (the requested one, or the only registered one). */
  redirectUri: string;
  codeChallenge: string;
  codeChallengeMethod: "S256";
  resource: string;
  scopes: string[];
  expiresAt: Date;
  usedAt: Date | null;
}

export interface RefreshTokenRecord {
  /** SecretHasher.hashForLookup of the token; the token itself is never stored. */
  tokenHash: string;
  /** Every rotation of one original token shares its family. */
  familyId: string;
  grantId: string;
  clientRowId: string;
  resource: string;
  scopes: string[];
  expiresAt: Date;
  rotatedAt: Date | null;
  revokedAt: Date | null;
}

export interface SigningKeyRecord {
  kid: string;
  alg: "ES256";
  /** Decrypted by the store; never leaves the process. */
  privateJwk: JWK;
  publicJwk: JWK;
}

export interface ScopeRecord {
  name: string;
  /** Granted when a request names no scope. */
  isDefault: boolean;
}

/** A protected resource (an MCP server) of the org, with its RFC 8707 identifier in canonical form. */
export interface ResourceRecord {
  serverId: string;
  resource: string;
  scopes: ScopeRecord[];
  /**
   * Only machine clients may obtain tokens for it (client_credentials), never a user through the
   * authorization endpoint: the org's management API.
   */
  clientCredentialsOnly?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Stores
// ---------------------------------------------------------------------------------------------

export interface ClientStore {
  /**
   * The client with this `client_id` in the org, or null. For a CIMD client id (an https URL) the
   * adapter may fetch and cache the metadata document (see fetchClientMetadataDocument) before
   * answering; the core treats the result like any other client. When the org's policy does not
   * accept that client id as a document (any more), it throws CimdClientRefused.
   */
  findByClientId(orgId: string, clientId: string): Promise<ClientRecord | null>;
  /** The client with this storage id, or null. */
  findById(id: string): Promise<ClientRecord | null>;
}

export interface NewGrant {
  orgId: string;
  userId: string | null;
  clientRowId: string;
  resource: string;
  scopes: string[];
}

export interface GrantStore {
  find(grantId: string): Promise<GrantRecord | null>;
  /**
   * Client credentials: the live (unrevoked) grant of this client for this resource with exactly
   * these scopes, created when there is none, so that machine clients do not add a row per token.
   */
  findOrCreateClientGrant(grant: NewGrant & { userId: null }): Promise<GrantRecord>;
  /**
   * Marks the grant revoked and revokes every refresh token and unused authorization code under it,
   * in one step. Access tokens of the grant become inactive because introspection checks the grant.
   * Idempotent.
   */
  revoke(grantId: string, reason: string, now: Date): Promise<void>;
}

export type ConsumeCodeResult =
  | { status: "unknown" }
  | { status: "already_used"; grantId: string }
  | { status: "consumed"; code: AuthorizationCodeRecord };

export interface AuthorizationCodeStore {
  create(code: AuthorizationCodeRecord): Promise<void>;
  /** The code with this hash, used or not, without changing it; null when unknown. */
  find(codeHash: string): Promise<AuthorizationCodeRecord | null>;
  /**
   * ATOMIC single use: sets `usedAt = now` only if it was null (e.g. `UPDATE ... WHERE usedAt IS
   * NULL RETURNING`). Two concurrent calls with the same hash: exactly one gets "consumed". An
   * expired code is still reported "consumed" (the core checks expiry), so that it cannot be
   * tried twice either.
   *
   * With `refreshToken`, the token is stored in the SAME transaction as the claim: a failure
   * between the two would leave the code spent with nothing issued, and the client's retry would
   * look like a replay (RFC 6749 §4.1.2) and revoke the grant.
   */
  consume(codeHash: string, now: Date, refreshToken?: NewRefreshToken): Promise<ConsumeCodeResult>;
}

export type RotateRefreshTokenResult =
  | { status: "rotated" }
  /** The token is gone (its client or grant was deleted after it was read): nothing to rotate. */
  | { status: "unknown" }
  /** Someone rotated (or revoked) it between our read and our write: treat as reuse. */
  | { status: "reused"; familyId: string; grantId: string };

/** A refresh token to store: neither rotated nor revoked yet. */
export type NewRefreshToken = Omit<RefreshTokenRecord, "rotatedAt" | "revokedAt">;

export interface RefreshTokenStore {
  findByHash(tokenHash: string): Promise<RefreshTokenRecord | null>;
  create(token: NewRefreshToken): Promise<void>;
  /**
   * ATOMIC: sets `rotatedAt = now` on the old token only if it is neither rotated nor revoked,
   * and inserts the successor in the same transaction. If the old token was no longer active,
   * nothing is inserted and "reused" is reported.
   */
  rotate(oldTokenHash: string, successor: NewRefreshToken, now: Date): Promise<RotateRefreshTokenResult>;
  /** Revokes every token of the family. Idempotent. */
  revokeFamily(familyId: string, now: Date): Promise<void>;
}

export interface RevokedAccessTokenStore {
  /** RFC 7009 for a JWT access token: remembered until the token would have expired anyway. */
  revoke(entry: { jti: string; orgId: string; expiresAt: Date }): Promise<void>;
  isRevoked(jti: string): Promise<boolean>;
}

export interface KeyStore {
  /** The one key that signs new tokens. */
  getActiveSigningKey(orgId: string): Promise<SigningKeyRecord>;
  /** Public JWKs currently published in the JWKS (active and retiring), each with `kid`. */
  getPublishedKeys(orgId: string): Promise<JWK[]>;
}

export interface ResourceStore {
  /** The org's resource with this canonical identifier, or null. */
  findByResource(orgId: string, resource: string): Promise<ResourceRecord | null>;
  /** The org's default resource (used when a request names none), or null. */
  findDefault(orgId: string): Promise<ResourceRecord | null>;
}

// ---------------------------------------------------------------------------------------------
// Primitives
// ---------------------------------------------------------------------------------------------

export interface Clock {
  now(): Date;
}

export interface Random {
  /** Cryptographically secure random bytes (tokens, codes, jti). */
  bytes(length: number): Uint8Array;
}

export interface SecretHasher {
  /** Deterministic hash used to look a secret up (SHA-256): codes, refresh tokens, client secrets. */
  hashForLookup(secret: string): string;
  /** Constant-time check of a presented client secret against the stored hash. */
  verifyClientSecret(presented: string, storedHash: string): Promise<boolean>;
}

// ---------------------------------------------------------------------------------------------
// Per-org context of a protocol operation
// ---------------------------------------------------------------------------------------------

export interface OrgContext {
  orgId: string;
  /** `{origin}/orgs/{slug}`, byte for byte. */
  issuer: string;
  accessTokenTtlSec: number;
  refreshTokenTtlSec: number;
}
