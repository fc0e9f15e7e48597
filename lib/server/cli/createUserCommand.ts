import { getDatabase } from "../db/getDatabase";
import { createUser } from "../users/createUser";
import type { CliCommand } from "./CliCommand";
import { CliUsageError } from "./CliUsageError";
import { requireOption } from "./requireOption";

export const createUserCommand: CliCommand = {
  name: "create-user",
  summary: "Create a user (who can then be added to orgs)",
  usage: "gatehouse create-user --email <email> (--password <password> | --password-stdin) [--name <name>] [--json]",
  options: {
    email: { type: "string" },
    password: { type: "string" },
    "password-stdin": { type: "boolean" },
    name: { type: "string" },
    json: { type: "boolean" },
  },
  async run(values, io) {
    const email = requireOption(values, "email");
    if (values.password && values["password-stdin"]) throw new CliUsageError("give --password or --password-stdin, not both");
    const password = values["password-stdin"] ? (await io.readStdin()).replace(/\r?\n$/, "") : requireOption(values, "password");
    const { prisma } = await getDatabase();
    const user = await prisma.$transaction((tx) => createUser(tx, { email, password, name: values.name as string | undefined }));
    io.out(values.json ? JSON.stringify({ id: user.id, email: user.email }) : `Created user ${user.email} (${user.id})`);
  },
};
