import type { PrismaClient } from "@/generated/prisma/client";
import { UseCaseError } from "../errors/UseCaseError";
import { createAdminClient } from "./createAdminClient";

export interface ConfidentialClientInput {
  orgId: string;
  name: string;
  clientCredentials: boolean;
  authorizationCode: boolean;
  redirectUris: string[];
  scope?: string;
  canIntrospect: boolean;
  actor: { id: string; email: string };
}

/** The form field a refusal of the registration rules belongs to, read from its description. */
const FIELD_OF: [prefix: string, field: string][] = [
  ["redirect_uris", "redirectUris"],
  ["scope", "scope"],
  ["client_name", "name"],
  ["grant_types", "grantTypes"],
];

/**
 * The portal's "create a confidential client": createAdminClient with the choices of the form. An
 * authorization_code client also gets refresh_token, as MCP clients expect. Refusals of the
 * registration rules are pinned to the form field they concern. The secret is returned once.
 */
export async function createConfidentialClient(prisma: PrismaClient, input: ConfidentialClientInput) {
  const grantTypes = [
    ...(input.authorizationCode ? ["authorization_code", "refresh_token"] : []),
    ...(input.clientCredentials ? ["client_credentials"] : []),
  ];
  if (grantTypes.length === 0) throw new UseCaseError("invalid", "Choose at least one grant type", "grantTypes");
  if (input.authorizationCode && input.redirectUris.length === 0) {
    throw new UseCaseError("invalid", "Enter at least one redirect URI for the authorization code flow", "redirectUris");
  }
  try {
    return await createAdminClient(prisma, {
      orgId: input.orgId,
      name: input.name,
      grantTypes,
      scope: input.scope || undefined,
      redirectUris: input.authorizationCode ? input.redirectUris : undefined,
      canIntrospect: input.canIntrospect,
      actor: { type: "user", id: input.actor.id, label: input.actor.email },
    });
  } catch (error) {
    if (error instanceof UseCaseError && !error.field) {
      const field = FIELD_OF.find(([prefix]) => error.message.startsWith(prefix))?.[1];
      if (field) throw new UseCaseError(error.code, error.message, field);
    }
    throw error;
  }
}
