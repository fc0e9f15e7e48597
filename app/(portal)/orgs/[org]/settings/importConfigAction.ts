"use server";

import { refresh } from "next/cache";
import { z } from "zod";
import { orgAction } from "@/lib/server/actions/orgAction";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { importOrgConfig } from "@/lib/server/config-as-code/importOrgConfig";
import { getConfig } from "@/lib/server/config/getConfig";
import { getDatabase } from "@/lib/server/db/getDatabase";
import { UseCaseError } from "@/lib/server/errors/UseCaseError";

const schema = z.object({ document: z.string({ error: "Choose a file or paste its JSON" }).trim().min(1, "Choose a file or paste its JSON").max(1_000_000, "The file is too large (at most 1 MB)") });

const run = orgAction(
  schema,
  async (input, ctx) => {
    let document: unknown;
    try {
      document = JSON.parse(input.document);
    } catch {
      throw new UseCaseError("invalid", "This is not valid JSON", "document");
    }
    const config = getConfig();
    const { prisma } = await getDatabase();
    try {
      const summary = await importOrgConfig({ prisma, publicUrl: config.publicUrl, secretKey: config.secretKey, actor: { type: "user", id: ctx.user.id, label: ctx.user.email } }, ctx.org.slug, document);
      refresh();
      return summary;
    } catch (error) {
      // The use case names a path in the file (e.g. servers.0.slug): the form has one field.
      if (error instanceof UseCaseError && error.field) throw new UseCaseError(error.code, `${error.field}: ${error.message}`, "document");
      throw error;
    }
  },
  { roles: ADMIN_ROLES },
);

export async function importConfigAction(previous: unknown, formData: FormData) {
  return run(previous, formData);
}
