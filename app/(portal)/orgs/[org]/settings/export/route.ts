import { findOrgAccess } from "@/lib/server/auth/findOrgAccess";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { exportOrgConfig } from "@/lib/server/config-as-code/exportOrgConfig";
import { getDatabase } from "@/lib/server/db/getDatabase";

const text = (body: string, status: number) => new Response(body, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });

/**
 * GET /orgs/{org}/settings/export: the org's configuration as code (what `npx gatehouse export`
 * writes), as a JSON download. A route handler is outside orgAction and requireOrgPage, so it
 * checks the session and the admin role itself. No secret appears in clear (see exportOrgConfig).
 */
export async function GET(_request: Request, { params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const user = await getSessionUser();
  if (!user) return text("Sign in first.", 401);
  const access = await findOrgAccess(user, slug, ADMIN_ROLES);
  if (!access.ok) return access.reason === "role" ? text("You need the admin role to export the configuration.", 403) : text("Organization not found.", 404);
  const { prisma } = await getDatabase();
  const config = await exportOrgConfig(prisma, access.org.slug);
  const day = new Date().toISOString().slice(0, 10);
  return new Response(`${JSON.stringify(config, null, 2)}\n`, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="gatehouse-${access.org.slug}-${day}.json"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
