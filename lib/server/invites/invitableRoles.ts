import type { Role } from "@/generated/prisma/client";

/** The roles a person may hand out by invitation: never above their own, and owners only by owners. */
export function invitableRoles(inviterRole: Role): Role[] {
  if (inviterRole === "owner") return ["member", "admin", "owner"];
  if (inviterRole === "admin") return ["member", "admin"];
  return [];
}
