import { parseArgs } from "node:util";
import { ConfigError } from "../config/ConfigError";
import { MigrationError } from "../db/applyMigrations";
import { DatabaseLockedError } from "../db/DatabaseLockedError";
import { UseCaseError } from "../errors/UseCaseError";
import { addMemberCommand } from "./addMemberCommand";
import type { CliCommand, CliIo } from "./CliCommand";
import { CliUsageError } from "./CliUsageError";
import { cleanupCommand } from "./cleanupCommand";
import { createClientCommand } from "./createClientCommand";
import { createOrgCommand } from "./createOrgCommand";
import { createUserCommand } from "./createUserCommand";
import { exportCommand } from "./exportCommand";
import { importCommand } from "./importCommand";
import { migrateCommand } from "./migrateCommand";
import { rotateKeyCommand } from "./rotateKeyCommand";

const COMMANDS: CliCommand[] = [migrateCommand, createUserCommand, createOrgCommand, addMemberCommand, createClientCommand, rotateKeyCommand, cleanupCommand, exportCommand, importCommand];

const defaultIo: CliIo = {
  out: (line) => console.log(line),
  err: (line) => console.error(line),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8");
  },
};

function overview(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "Usage: gatehouse <command> [options]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Run gatehouse <command> --help for its options. Configuration comes from the environment",
    "(DATABASE_URL, GATEHOUSE_DATA_DIR, ...), as for the server; see .env.example.",
  ].join("\n");
}

/** Runs one command; returns the exit code: 0 done, 1 refused or failed, 2 wrong usage. */
export async function runCli(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.out(overview());
    return name ? 0 : 2;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`Unknown command "${name}".\n\n${overview()}`);
    return 2;
  }
  try {
    const { values } = parseArgs({ args: rest, options: { ...command.options, help: { type: "boolean", short: "h" } }, strict: true, allowPositionals: false });
    if (values.help) {
      io.out(`${command.summary}\n\nUsage: ${command.usage}`);
      return 0;
    }
    await command.run(values as Record<string, string | boolean | undefined>, io);
    return 0;
  } catch (error) {
    if (error instanceof CliUsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      io.err(`${(error as Error).message}\n\nUsage: ${command.usage}`);
      return 2;
    }
    if (error instanceof UseCaseError || error instanceof ConfigError || error instanceof DatabaseLockedError || error instanceof MigrationError) {
      io.err(error.message);
      return 1;
    }
    io.err(`Failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    const db = (globalThis as { __gatehouseDatabase?: Promise<{ close(): Promise<void> }> }).__gatehouseDatabase;
    await db?.then((d) => d.close()).catch(() => undefined);
  }
}
