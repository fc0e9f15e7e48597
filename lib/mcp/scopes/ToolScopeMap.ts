/**
 * Which scopes each tool of a server needs: the server's `toolScopes`, e.g.
 * `{"admin_report": ["mcp:admin"]}`, compiled once per server for the gateway.
 *
 * Tool names are compared after folding (Unicode NFKC, lower case, trimmed), and a name folds onto
 * the union of the scopes of every mapped name that folds the same. MCP tool names are
 * case-sensitive, so `Admin_Report` is another tool, and a conforming upstream answers "unknown
 * tool"; folding makes sure an upstream that is lenient about case cannot be used to reach a scoped
 * tool through a variant of its name (fail closed: a variant needs at least the scopes of the tool).
 *
 * A tool not in the map needs no scope beyond a valid token for the server.
 */
export class ToolScopeMap {
  private readonly byFoldedName = new Map<string, string[]>();

  /** Refuses anything but an object of string arrays: stored maps are validated on write, so this is a bug. */
  constructor(toolScopes: unknown) {
    if (typeof toolScopes !== "object" || toolScopes === null || Array.isArray(toolScopes)) throw new Error("toolScopes must be an object");
    for (const [tool, scopes] of Object.entries(toolScopes)) {
      if (!Array.isArray(scopes) || scopes.some((s) => typeof s !== "string")) throw new Error(`toolScopes["${tool}"] must be an array of scope names`);
      const key = fold(tool);
      this.byFoldedName.set(key, [...new Set([...(this.byFoldedName.get(key) ?? []), ...(scopes as string[])])]);
    }
  }

  /** Every scope a call of `tool` needs (possibly none). */
  requiredScopes(tool: string): readonly string[] {
    return this.byFoldedName.get(fold(tool)) ?? [];
  }

  /** Whether a token with `granted` may call `tool`. */
  allows(tool: string, granted: readonly string[]): boolean {
    return this.requiredScopes(tool).every((scope) => granted.includes(scope));
  }
}

export function fold(name: string): string {
  return name.normalize("NFKC").toLowerCase().trim();
}
