import type { Role } from "@/generated/prisma/client";

const styles: Record<Role, string> = {
  owner: "bg-indigo-100 text-indigo-800",
  admin: "bg-sky-100 text-sky-800",
  member: "bg-slate-100 text-slate-700",
};

export function RoleBadge({ role }: { role: Role }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${styles[role]}`}>{role}</span>;
}
