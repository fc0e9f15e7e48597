"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { UseCaseError } from "@/lib/server/errors/UseCaseError";
import { serverWriteContext } from "@/lib/server/portal/serverActionContext";
import { updateServer } from "@/lib/server/servers/updateServer";
import { parseToolMap } from "./toolMapText";

const schema = z.object({ server: z.string().min(1).max(64), toolScopes: z.string().max(100_000, "Too long").optional().transform((text) => text ?? "") });

const run = orgAction(
  schema,
  async (input, ctx) => {
    const parsed = parseToolMap(input.toolScopes);
    if ("error" in parsed) throw new UseCaseError("invalid", parsed.error, "toolScopes");
    try {
      await updateServer(await serverWriteContext(ctx), ctx.org.id, input.server, { toolScopes: parsed.map });
    } catch (error) {
      // The use case names the field `toolScopes.{tool}`: the form has one field for the whole map.
      if (error instanceof UseCaseError && error.field?.startsWith("toolScopes")) throw new UseCaseError(error.code, error.message, "toolScopes");
      throw error;
    }
    refresh();
    return { tools: Object.keys(parsed.map).length };
  },
  { roles: ADMIN_ROLES },
);

export async function updateToolMapAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
