import type { ClientMetadata } from "./validateClientMetadata";

export interface IssuedClientCredentials {
  clientId: string;
  issuedAt: Date;
  /** Only when just issued (registration, or a secret rotation): RFC 7591 §3.2.1 returns it once. */
  clientSecret?: string;
  /** RFC 7591 §3.2.1 `client_secret_expires_at`; null means never (answered as 0). */
  secretExpiresAt?: Date | null;
  /** RFC 7592 §3: only at registration. */
  registrationAccessToken?: string;
  registrationClientUri: string;
}

/**
 * The client information response of RFC 7591 §3.2.1 and RFC 7592 §3: the registered metadata plus
 * the server-issued fields. The client secret and the registration access token appear only when
 * the caller passes them, i.e. when they were just issued; they are never read back from storage,
 * which keeps only their hashes.
 */
export function buildClientInformationResponse(metadata: ClientMetadata, issued: IssuedClientCredentials, confidential: boolean): Record<string, unknown> {
  return {
    ...metadata,
    client_id: issued.clientId,
    client_id_issued_at: Math.floor(issued.issuedAt.getTime() / 1000),
    ...(issued.clientSecret !== undefined ? { client_secret: issued.clientSecret } : {}),
    // RFC 7591 §3.2.1: REQUIRED when a secret was issued; 0 means it does not expire.
    ...(confidential ? { client_secret_expires_at: issued.secretExpiresAt ? Math.floor(issued.secretExpiresAt.getTime() / 1000) : 0 } : {}),
    ...(issued.registrationAccessToken !== undefined ? { registration_access_token: issued.registrationAccessToken } : {}),
    registration_client_uri: issued.registrationClientUri,
  };
}
