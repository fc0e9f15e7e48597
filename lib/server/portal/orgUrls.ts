/** The public URLs of an org that admins hand to MCP clients and servers (DESIGN.md's URL map). */
export function orgUrls(publicUrl: string, slug: string) {
  return {
    issuer: `${publicUrl}/orgs/${slug}`,
    metadata: `${publicUrl}/.well-known/oauth-authorization-server/orgs/${slug}`,
    demoMcp: `${publicUrl}/mcp/${slug}/demo`,
  };
}
