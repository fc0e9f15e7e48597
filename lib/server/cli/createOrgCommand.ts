import { getConfig } from "../config/getConfig";
import { getDatabase } from "../db/getDatabase";
import { UseCaseError } from "../errors/UseCaseError";
import { createOrg } from "../orgs/createOrg";
import type { CliCommand } from "./CliCommand";
import { requireOption } from "./requireOption";

export const createOrgCommand: CliCommand = {
  name: "create-org",
  summary: "Create an org owned by an existing user, with the demo MCP server and a signing key",
  usage: "gatehouse create-org --slug <slug> --owner <email> [--name <name>] [--json]",
  options: { slug: { type: "string" }, name: { type: "string" }, owner: { type: "string" }, json: { type: "boolean" } },
  async run(values, io) {
    const slug = requireOption(values, "slug");
    const ownerEmail = requireOption(values, "owner").trim().toLowerCase();
    const { prisma } = await getDatabase();
    const owner = await prisma.user.findUnique({ where: { email: ownerEmail } });
    if (!owner) throw new UseCaseError("not_found", `No user with the email ${ownerEmail}: create it first with gatehouse create-user`);
    const org = await prisma.$transaction(
      async (tx) => {
        const created = await createOrg(tx, { slug, name: (values.name as string | undefined) ?? slug, ownerId: owner.id }, getConfig().secretKey);
        await tx.auditEvent.create({
          data: { orgId: created.id, kind: "org.created", actorType: "system", actorLabel: "cli", targetType: "org", targetId: created.id, details: { owner: owner.email } },
        });
        return created;
      },
      { timeout: 30_000 },
    );
    const issuer = `${getConfig().publicUrl}/orgs/${org.slug}`;
    io.out(values.json ? JSON.stringify({ id: org.id, slug: org.slug, issuer }) : `Created org ${org.slug}; issuer ${issuer}`);
  },
};
