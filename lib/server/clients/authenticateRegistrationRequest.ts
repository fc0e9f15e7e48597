import { timingSafeEqual } from "node:crypto";
import type { Client } from "@/generated/prisma/client";
import { OAuthError } from "@/lib/oauth/errors/OAuthError";
import type { OAuthRuntime } from "../oauth/OAuthRuntime";

const challenge = (error?: string) => `Bearer${error ? ` error="${error}"` : ""}`;

/**
 * RFC 7592 §3: the registration access token in `Authorization: Bearer`, checked against the
 * client's stored hash in constant time. An unknown client and a wrong token get the same 401,
 * so the endpoint does not reveal which client ids exist.
 */
export async function authenticateRegistrationRequest(runtime: OAuthRuntime, request: Request, orgId: string, clientId: string): Promise<Client> {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer ([A-Za-z0-9\-._~+/]+=*)$/);
  if (!match) {
    throw new OAuthError("invalid_token", "Send the registration access token as Authorization: Bearer <token>", { wwwAuthenticate: challenge() });
  }
  // No client id holds a control character, and PostgreSQL refuses a NUL in text (a 500): don't ask.
  const client = /[\x00-\x1f\x7f]/.test(clientId) ? null : await runtime.prisma.client.findUnique({ where: { orgId_clientId: { orgId, clientId } } });
  const presented = Buffer.from(runtime.hasher.hashForLookup(match[1]!));
  const stored = Buffer.from(client?.registrationAccessTokenHash ?? "");
  if (!client || presented.length !== stored.length || !timingSafeEqual(presented, stored)) {
    throw new OAuthError("invalid_token", "The registration access token is not valid for this client", { wwwAuthenticate: challenge("invalid_token") });
  }
  return client;
}
