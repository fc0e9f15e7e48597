import type { Role } from "@/generated/prisma/client";

export const ADMIN_ROLES: readonly Role[] = ["owner", "admin"];
export const ANY_ROLE: readonly Role[] = ["owner", "admin", "member"];

export function isAdminRole(role: Role): boolean {
  return ADMIN_ROLES.includes(role);
}
