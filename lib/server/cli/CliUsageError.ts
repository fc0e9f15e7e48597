/** Wrong words on the command line: exit code 2 and the command's usage. */
export class CliUsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CliUsageError";
  }
}
