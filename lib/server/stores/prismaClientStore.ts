import type { PrismaClient } from "@/generated/prisma/client";
import type { ClientStore } from "@/lib/oauth/ports";
import { toClientRecord } from "./toClientRecord";

export function prismaClientStore(prisma: PrismaClient): ClientStore {
  return {
    async findByClientId(orgId, clientId) {
      const row = await prisma.client.findUnique({ where: { orgId_clientId: { orgId, clientId } } });
      return row ? toClientRecord(row) : null;
    },
    async findById(id) {
      const row = await prisma.client.findUnique({ where: { id } });
      return row ? toClientRecord(row) : null;
    },
  };
}
