import type { Role } from "@/generated/prisma/client";
import { ADMIN_ROLES, ANY_ROLE } from "@/lib/server/auth/roles";

export interface OrgNavItem {
  /** Path below /orgs/{slug}; "" is the overview. */
  path: string;
  label: string;
  /** Who sees the entry; the page itself enforces the same roles with requireOrgPage. */
  roles: readonly Role[];
}

/** The org sidebar, in order. New sections add one line here. */
export const orgNavItems: OrgNavItem[] = [
  { path: "", label: "Overview", roles: ANY_ROLE },
  { path: "servers", label: "MCP servers", roles: ADMIN_ROLES },
  { path: "clients", label: "Clients", roles: ADMIN_ROLES },
  { path: "grants", label: "Grants and tokens", roles: ADMIN_ROLES },
  // Admins see every grant, their own included, under "Grants and tokens"; the page itself is open
  // to any role, so the consent screen's "revoke from your connections" works for everyone.
  { path: "connections", label: "My connections", roles: ["member"] },
  { path: "members", label: "Members", roles: ADMIN_ROLES },
  { path: "keys", label: "Signing keys", roles: ADMIN_ROLES },
  { path: "audit", label: "Audit log", roles: ADMIN_ROLES },
  { path: "settings", label: "Settings", roles: ADMIN_ROLES },
];
