import type { OrgActionContext } from "../actions/orgAction";
import { getConfig } from "../config/getConfig";
import { getDatabase } from "../db/getDatabase";
import type { ServerReadContext, ServerWriteContext } from "../servers/ServerContext";

/** What the server use cases read with, from the process configuration. */
export async function serverReadContext(): Promise<ServerReadContext> {
  const { prisma } = await getDatabase();
  return { prisma, publicUrl: getConfig().publicUrl };
}

/** What the portal's server actions write with: the signed-in admin is the actor. */
export async function serverWriteContext(ctx: OrgActionContext): Promise<ServerWriteContext> {
  const config = getConfig();
  const { prisma } = await getDatabase();
  return { prisma, publicUrl: config.publicUrl, secretKey: config.secretKey, actor: { type: "user", id: ctx.user.id, label: ctx.user.email } };
}
