import type { PrismaClient } from "@/generated/prisma/client";
import type { ClientStore } from "@/lib/oauth/ports";
import { type CimdOptions, resolveCimdClient } from "../cimd/resolveCimdClient";
import { toClientRecord } from "./toClientRecord";

/** Clients by client_id; an https client_id is a Client ID Metadata Document, fetched when due. */
export function prismaClientStore(prisma: PrismaClient, cimd: CimdOptions): ClientStore {
  return {
    async findByClientId(orgId, clientId) {
      const row = clientId.startsWith("https://")
        ? await resolveCimdClient(prisma, orgId, clientId, cimd)
        : await prisma.client.findUnique({ where: { orgId_clientId: { orgId, clientId } } });
      return row ? toClientRecord(row) : null;
    },
    async findById(id) {
      const row = await prisma.client.findUnique({ where: { id } });
      return row ? toClientRecord(row) : null;
    },
  };
}
