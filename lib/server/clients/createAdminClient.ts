import type { PrismaClient } from "@/generated/prisma/client";
import { isOAuthError } from "@/lib/oauth/errors/OAuthError";
import { validateClientMetadata } from "@/lib/oauth/registration/validateClientMetadata";
import { cryptoRandom } from "@/lib/oauth/runtime/cryptoRandom";
import { sha256SecretHasher } from "@/lib/oauth/runtime/sha256SecretHasher";
import { recordAuditEvent } from "../audit/recordAuditEvent";
import { UseCaseError } from "../errors/UseCaseError";
import { insertClient } from "./insertClient";

export interface AdminClientInput {
  orgId: string;
  name: string;
  grantTypes: string[];
  /** Space-separated scopes the client may request with client_credentials. */
  scope?: string;
  redirectUris?: string[];
  /** A resource server hosted elsewhere, allowed to introspect any token of the org. */
  canIntrospect?: boolean;
  actor: { type: "user" | "system"; id?: string; label: string };
}

/**
 * A confidential client created by an admin (portal or CLI): the one way to get client_credentials
 * or introspection rights, which open registration never grants. The secret is returned once.
 */
export async function createAdminClient(prisma: PrismaClient, input: AdminClientInput) {
  let metadata;
  try {
    metadata = validateClientMetadata(
      {
        client_name: input.name,
        grant_types: input.grantTypes,
        token_endpoint_auth_method: "client_secret_basic",
        ...(input.redirectUris?.length ? { redirect_uris: input.redirectUris } : {}),
        ...(input.scope ? { scope: input.scope } : {}),
      },
      { open: false },
    );
  } catch (error) {
    if (isOAuthError(error)) throw new UseCaseError("invalid", error.description);
    throw error;
  }
  const client = await insertClient({ prisma, random: cryptoRandom, hasher: sha256SecretHasher }, { orgId: input.orgId, source: "admin", metadata, canIntrospect: input.canIntrospect, withRegistrationToken: false });
  await recordAuditEvent(prisma, {
    orgId: input.orgId,
    kind: "client.created",
    actor: input.actor,
    clientId: client.clientId,
    target: { type: "client", id: client.id },
    details: { grant_types: metadata.grant_types, scope: metadata.scope ?? null, canIntrospect: input.canIntrospect ?? false },
  });
  return { clientId: client.clientId, clientSecret: client.clientSecret!, metadata };
}
