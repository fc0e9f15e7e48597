import { readFileSync } from "node:fs";
import { importOrgConfig } from "../config-as-code/importOrgConfig";
import { getConfig } from "../config/getConfig";
import { getDatabase } from "../db/getDatabase";
import { UseCaseError } from "../errors/UseCaseError";
import type { CliCommand } from "./CliCommand";
import { requireOption } from "./requireOption";

export const importCommand: CliCommand = {
  name: "import",
  summary: "Apply a JSON configuration (as written by export) to an org; idempotent, all or nothing",
  usage: "gatehouse import --org <slug> --file <file> [--json]",
  options: { org: { type: "string" }, file: { type: "string" }, json: { type: "boolean" } },
  async run(values, io) {
    const slug = requireOption(values, "org");
    const file = requireOption(values, "file");
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(file, "utf8"));
    } catch (error) {
      throw new UseCaseError("invalid", `Cannot read ${file} as JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const config = getConfig();
    const { prisma } = await getDatabase();
    let summary;
    try {
      summary = await importOrgConfig({ prisma, publicUrl: config.publicUrl, secretKey: config.secretKey, actor: { type: "system", label: "cli" } }, slug, document);
    } catch (error) {
      if (error instanceof UseCaseError && error.field) throw new UseCaseError(error.code, `${error.field}: ${error.message}`);
      throw error;
    }
    if (values.json) {
      io.out(JSON.stringify(summary));
      return;
    }
    const line = (what: string, r: { created: string[]; updated: string[]; unchanged: string[] }) =>
      `${what}: ${r.created.length} created, ${r.updated.length} updated, ${r.unchanged.length} unchanged`;
    io.out(`Imported ${file} into ${slug}\n  org settings: ${summary.org}\n  ${line("servers", summary.servers)}\n  ${line("clients", summary.clients)}`);
    for (const [clientId, secret] of Object.entries(summary.generatedSecrets)) {
      io.out(`New client ${clientId}: client_secret ${secret} (shown this once; store it now)`);
    }
  },
};
