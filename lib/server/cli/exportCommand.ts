import { writeFileSync } from "node:fs";
import { exportOrgConfig } from "../config-as-code/exportOrgConfig";
import { getDatabase } from "../db/getDatabase";
import type { CliCommand } from "./CliCommand";
import { requireOption } from "./requireOption";

export const exportCommand: CliCommand = {
  name: "export",
  summary: "Write an org's servers, scopes, tool map, settings and admin clients as JSON (no secret in clear)",
  usage: "gatehouse export --org <slug> [--out <file>]",
  options: { org: { type: "string" }, out: { type: "string" } },
  async run(values, io) {
    const slug = requireOption(values, "org");
    const { prisma } = await getDatabase();
    const json = `${JSON.stringify(await exportOrgConfig(prisma, slug), null, 2)}\n`;
    if (typeof values.out === "string" && values.out !== "") {
      writeFileSync(values.out, json, { mode: 0o600 });
      io.out(`Wrote the configuration of ${slug} to ${values.out}`);
    } else {
      io.out(json.trimEnd());
    }
  },
};
