import { getDatabase } from "../db/getDatabase";
import { addMember } from "../orgs/addMember";
import type { CliCommand } from "./CliCommand";
import { CliUsageError } from "./CliUsageError";
import { requireOption } from "./requireOption";

const ROLES = ["owner", "admin", "member"] as const;

export const addMemberCommand: CliCommand = {
  name: "add-member",
  summary: "Give an existing user a role in an org",
  usage: "gatehouse add-member --org <slug> --email <email> --role <owner|admin|member>",
  options: { org: { type: "string" }, email: { type: "string" }, role: { type: "string" } },
  async run(values, io) {
    const orgSlug = requireOption(values, "org");
    const email = requireOption(values, "email");
    const role = requireOption(values, "role");
    if (!(ROLES as readonly string[]).includes(role)) throw new CliUsageError(`--role must be one of ${ROLES.join(", ")}`);
    const { prisma } = await getDatabase();
    await addMember(prisma, { orgSlug, email, role: role as (typeof ROLES)[number] });
    io.out(`Added ${email.trim().toLowerCase()} to ${orgSlug} as ${role}`);
  },
};
