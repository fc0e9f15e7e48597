import type { Prisma } from "@/generated/prisma/client";
import { UseCaseError } from "../errors/UseCaseError";
import { createSigningKey } from "../keys/createSigningKey";
import { orgName, orgSlug } from "./orgSlug";

type Tx = Prisma.TransactionClient;

/**
 * Creates an org with the defaults DESIGN.md promises: its owner, an ES256 signing key, and the
 * `demo` MCP server behind the gateway (scopes `mcp:tools`, default, and `mcp:admin`, which its
 * `admin_report` tool needs) as the org's default resource. Runs inside the caller's transaction.
 */
export async function createOrg(
  tx: Tx,
  input: { slug: string; name: string; ownerId: string },
  secretKey: string,
) {
  const slug = orgSlug.safeParse(input.slug);
  if (!slug.success) throw new UseCaseError("invalid", slug.error.issues[0]!.message, "slug");
  const name = orgName.safeParse(input.name);
  if (!name.success) throw new UseCaseError("invalid", name.error.issues[0]!.message, "name");
  if (await tx.org.findUnique({ where: { slug: slug.data }, select: { id: true } })) {
    throw new UseCaseError("conflict", `The slug "${slug.data}" is taken`, "slug");
  }

  const org = await tx.org.create({ data: { slug: slug.data, name: name.data } });
  await tx.membership.create({ data: { orgId: org.id, userId: input.ownerId, role: "owner" } });
  await createSigningKey(tx, org.id, secretKey);
  const demo = await tx.mcpServer.create({
    data: {
      orgId: org.id,
      slug: "demo",
      name: "Demo MCP server",
      toolScopes: { whoami: ["mcp:tools"], echo: ["mcp:tools"], admin_report: ["mcp:admin"] },
      scopes: {
        create: [
          { name: "mcp:tools", description: "Call the server's everyday tools", isDefault: true },
          { name: "mcp:admin", description: "Call privileged tools (admin_report)", isDefault: false },
        ],
      },
    },
  });
  return tx.org.update({ where: { id: org.id }, data: { defaultServerId: demo.id } });
}
