import Link from "next/link";
import type { Role } from "@/generated/prisma/client";
import { RoleBadge } from "./RoleBadge";

interface OrgSwitcherProps {
  current: { slug: string; name: string; role: Role };
  orgs: { slug: string; name: string; role: Role }[];
}

/** Every org of the user, with their role in it, and the way to create another. */
export function OrgSwitcher({ current, orgs }: OrgSwitcherProps) {
  return (
    // Keyed by org, so the list closes once another org is opened.
    <details key={current.slug} className="group rounded-md border border-slate-200 bg-white">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-2 rounded-md px-3 py-2 [&::-webkit-details-marker]:hidden">
        <span className="min-w-0">
          <span className="block text-xs text-slate-600">Organization</span>
          <span className="block truncate text-sm font-semibold text-slate-900">{current.name}</span>
        </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 text-slate-500 motion-safe:transition group-open:rotate-180" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </summary>
      <div className="border-t border-slate-200 p-1">
        <p className="px-2 pb-1 pt-2 text-xs font-medium text-slate-600">Switch organization</p>
        <ul aria-label="Your organizations">
          {orgs.map((org) => (
            <li key={org.slug}>
              <Link
                href={`/orgs/${org.slug}`}
                aria-current={org.slug === current.slug ? "page" : undefined}
                className={`flex items-center justify-between gap-2 rounded px-2 py-1.5 text-sm ${org.slug === current.slug ? "bg-slate-100 font-medium" : "hover:bg-slate-50"}`}
              >
                <span className="truncate">{org.name}</span>
                <RoleBadge role={org.role} />
              </Link>
            </li>
          ))}
        </ul>
        <Link href="/orgs/new" className="mt-1 block rounded px-2 py-1.5 text-sm font-medium text-indigo-700 hover:bg-indigo-50">
          + New organization
        </Link>
      </div>
    </details>
  );
}
