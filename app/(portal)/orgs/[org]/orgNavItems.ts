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
  { path: "members", label: "Members", roles: ADMIN_ROLES },
];
