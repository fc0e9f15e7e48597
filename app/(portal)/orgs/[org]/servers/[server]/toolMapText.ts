/**
 * The tool map as the portal edits it: one line per tool, `tool_name: scope scope`. A tool with no
 * scope after the colon needs none beyond a valid token.
 */
export function formatToolMap(map: Record<string, string[]>): string {
  return Object.entries(map)
    .map(([tool, scopes]) => `${tool}: ${scopes.join(" ")}`.trimEnd())
    .join("\n");
}

export function parseToolMap(text: string): { map: Record<string, string[]> } | { error: string } {
  const map: Record<string, string[]> = {};
  for (const [index, raw] of text.split(/\r?\n/).entries()) {
    const line = raw.trim();
    if (!line) continue;
    const colon = line.indexOf(":");
    if (colon <= 0) return { error: `Line ${index + 1}: write "tool_name: scope scope"` };
    const tool = line.slice(0, colon).trim();
    if (Object.hasOwn(map, tool)) return { error: `Line ${index + 1}: the tool ${tool} is listed twice` };
    map[tool] = [...new Set(line.slice(colon + 1).trim().split(/\s+/).filter(Boolean))];
  }
  return { map };
}
