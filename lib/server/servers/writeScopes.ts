import type { Prisma } from "@/generated/prisma/client";
import type { Scope } from "./serverInput";

/** Makes the server's scopes exactly `scopes`: upserted by name, the others deleted. */
export async function writeScopes(tx: Prisma.TransactionClient, serverId: string, scopes: readonly Scope[]): Promise<void> {
  await tx.scope.deleteMany({ where: { serverId, name: { notIn: scopes.map((s) => s.name) } } });
  for (const scope of scopes) {
    const data = { description: scope.description, isDefault: scope.isDefault, requiresConsent: scope.requiresConsent };
    await tx.scope.upsert({ where: { serverId_name: { serverId, name: scope.name } }, create: { serverId, name: scope.name, ...data }, update: data });
  }
}
