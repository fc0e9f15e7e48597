import { CliUsageError } from "./CliUsageError";

export function requireOption(values: Record<string, string | boolean | undefined>, name: string): string {
  const value = values[name];
  if (typeof value !== "string" || value === "") throw new CliUsageError(`--${name} is required`);
  return value;
}
