import type { ParseArgsConfig } from "node:util";

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  /** Standard input read to the end (for --password-stdin). */
  readStdin(): Promise<string>;
}

export interface CliCommand {
  name: string;
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(values: Record<string, string | boolean | undefined>, io: CliIo): Promise<void>;
}
