import type { ClientSource, PrismaClient } from "@/generated/prisma/client";
import type { ClientMetadata } from "@/lib/oauth/registration/validateClientMetadata";
import type { OAuthRuntime } from "../oauth/OAuthRuntime";
import { generateOpaqueToken } from "@/lib/oauth/token/generateOpaqueToken";

export interface InsertedClient {
  id: string;
  clientId: string;
  createdAt: Date;
  /** Shown once; only its hash is stored. */
  clientSecret?: string;
  registrationAccessToken?: string;
}

/**
 * Stores a new client with a fresh random client_id. A confidential client (any auth method but
 * `none`) gets a 256-bit secret; DCR clients get an RFC 7592 registration access token. Only their
 * hashes are stored.
 */
export async function insertClient(
  runtime: Pick<OAuthRuntime, "random" | "hasher"> & { prisma: Pick<PrismaClient, "client"> },
  input: { orgId: string; source: ClientSource; metadata: ClientMetadata; canIntrospect?: boolean; withRegistrationToken: boolean },
): Promise<InsertedClient> {
  const { metadata } = input;
  const clientId = `gh_${generateOpaqueToken(runtime.random, 16)}`;
  const clientSecret = metadata.token_endpoint_auth_method === "none" ? undefined : generateOpaqueToken(runtime.random);
  const registrationAccessToken = input.withRegistrationToken ? generateOpaqueToken(runtime.random) : undefined;
  const row = await runtime.prisma.client.create({
    data: {
      orgId: input.orgId,
      clientId,
      source: input.source,
      name: metadata.client_name ?? null,
      secretHash: clientSecret ? runtime.hasher.hashForLookup(clientSecret) : null,
      registrationAccessTokenHash: registrationAccessToken ? runtime.hasher.hashForLookup(registrationAccessToken) : null,
      tokenEndpointAuthMethod: metadata.token_endpoint_auth_method,
      applicationType: metadata.application_type,
      redirectUris: metadata.redirect_uris,
      grantTypes: metadata.grant_types,
      responseTypes: metadata.response_types,
      scope: metadata.scope ?? null,
      logoUri: metadata.logo_uri ?? null,
      clientUri: metadata.client_uri ?? null,
      metadata: metadata as object,
      canIntrospect: input.canIntrospect ?? false,
    },
    select: { id: true, clientId: true, createdAt: true },
  });
  return { ...row, clientSecret, registrationAccessToken };
}
