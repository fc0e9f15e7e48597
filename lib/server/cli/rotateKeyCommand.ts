import { getConfig } from "../config/getConfig";
import { getDatabase } from "../db/getDatabase";
import { UseCaseError } from "../errors/UseCaseError";
import { rotateSigningKey } from "../keys/rotateSigningKey";
import type { CliCommand } from "./CliCommand";
import { requireOption } from "./requireOption";

export const rotateKeyCommand: CliCommand = {
  name: "rotate-key",
  summary: "Rotate an org's signing key (the old key stays published until its tokens expire)",
  usage: "gatehouse rotate-key --org <slug> [--json]",
  options: { org: { type: "string" }, json: { type: "boolean" } },
  async run(values, io) {
    const slug = requireOption(values, "org");
    const { prisma } = await getDatabase();
    const org = await prisma.org.findUnique({ where: { slug }, select: { id: true } });
    if (!org) throw new UseCaseError("not_found", `No org with the slug "${slug}"`);
    const result = await rotateSigningKey(prisma, org.id, getConfig().secretKey, { type: "system", label: "cli" });
    io.out(values.json ? JSON.stringify(result) : `New signing key ${result.kid}; previous keys published until ${result.publishUntil.toISOString()}`);
  },
};
