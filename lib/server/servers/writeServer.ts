import type { Prisma } from "@/generated/prisma/client";
import { encryptSecret } from "../crypto/encryptSecret";
import { checkServerState } from "./checkServerState";
import type { UpdateServerInput } from "./serverInput";
import type { ServerRow } from "./ServerView";
import { writeScopes } from "./writeScopes";

export interface ServerWrite {
  org: { id: string; slug: string; defaultServerId: string | null };
  publicUrl: string;
  secretKey: string;
}

type ParsedPatch = { [K in keyof UpdateServerInput]?: Exclude<UpdateServerInput[K], undefined> } & { scopes?: { name: string; description: string; isDefault: boolean; requiresConsent: boolean }[] };

/**
 * The write shared by createServer, updateServer and the config import, inside the caller's
 * transaction: `current` null creates (the patch then carries every field), otherwise absent fields
 * keep their value. The whole result must pass checkServerState. Returns the server's id.
 */
export async function writeServer(tx: Prisma.TransactionClient, write: ServerWrite, current: ServerRow | null, patch: ParsedPatch): Promise<string> {
  const state = await checkServerState(
    tx,
    write.org,
    write.publicUrl,
    {
      slug: patch.slug ?? current!.slug,
      name: patch.name ?? current!.name,
      resourceUri: patch.resourceUri !== undefined ? patch.resourceUri : (current?.resourceUri ?? null),
      upstreamUrl: patch.upstreamUrl !== undefined ? patch.upstreamUrl : (current?.upstreamUrl ?? null),
      scopes: patch.scopes ?? current?.scopes ?? [],
      toolScopes: patch.toolScopes ?? (current?.toolScopes as Record<string, string[]> | undefined) ?? {},
    },
    current?.id,
  );
  const credential =
    patch.upstreamCredential !== undefined ? { upstreamCredentialEncrypted: patch.upstreamCredential === null ? null : encryptSecret(patch.upstreamCredential, write.secretKey) } : {};
  const data = { slug: state.slug, name: state.name, resourceUri: state.resourceUri, upstreamUrl: state.upstreamUrl, toolScopes: state.toolScopes, ...credential };
  const id = current ? (await tx.mcpServer.update({ where: { id: current.id }, data, select: { id: true } })).id : (await tx.mcpServer.create({ data: { orgId: write.org.id, ...data }, select: { id: true } })).id;
  if (!current || patch.scopes) await writeScopes(tx, id, state.scopes);
  if (patch.isDefault === true && write.org.defaultServerId !== id) await tx.org.update({ where: { id: write.org.id }, data: { defaultServerId: id } });
  if (patch.isDefault === false && write.org.defaultServerId === id) await tx.org.update({ where: { id: write.org.id }, data: { defaultServerId: null } });
  return id;
}
