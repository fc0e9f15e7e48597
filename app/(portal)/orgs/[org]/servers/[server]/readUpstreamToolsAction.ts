"use server";

import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { UseCaseError } from "@/lib/server/errors/UseCaseError";
import { serverUpstream } from "@/lib/server/portal/serverUpstream";
import { listUpstreamTools, portalCaller } from "@/lib/server/testers/listUpstreamTools";

const schema = z.object({ server: z.string().min(1).max(64) });

/** Lists the tool names the server's upstream (or the demo server) announces with tools/list. Changes nothing. */
const run = orgAction(
  schema,
  async (input, ctx) => {
    const { upstream, scopes } = await serverUpstream(ctx.org, input.server);
    try {
      return { tools: (await listUpstreamTools(upstream, portalCaller(ctx.user.id, scopes))).slice(0, 500) };
    } catch (error) {
      throw new UseCaseError("invalid", error instanceof Error ? error.message : "The upstream did not answer as an MCP server");
    }
  },
  { roles: ADMIN_ROLES },
);

export async function readUpstreamToolsAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
