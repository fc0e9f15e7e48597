/** Configuration snippets for the common MCP clients, for one server URL. */
export function clientSnippets(name: string, url: string) {
  const key = name.trim().toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "mcp-server";
  return {
    claudeDesktop: JSON.stringify({ mcpServers: { [key]: { command: "npx", args: ["mcp-remote", url] } } }, null, 2),
    claudeCode: `claude mcp add --transport http ${key} ${url}`,
    cursor: JSON.stringify({ mcpServers: { [key]: { url } } }, null, 2),
    vscode: JSON.stringify({ servers: { [key]: { type: "http", url } } }, null, 2),
    inspector: "npx @modelcontextprotocol/inspector",
  };
}
