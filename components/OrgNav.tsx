"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

export interface NavLink {
  href: string;
  label: string;
}

/** The org's sections; the overview is current only on its own path, others on theirs and below. */
export function OrgNav({ links, overviewHref }: { links: NavLink[]; overviewHref: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Organization">
      <ul className="space-y-1">
        {links.map((link) => {
          const current = link.href === overviewHref ? pathname === link.href : pathname === link.href || pathname.startsWith(`${link.href}/`);
          return (
            <li key={link.href}>
              <Link
                href={link.href}
                aria-current={current ? "page" : undefined}
                className={`block rounded-md px-3 py-2 text-sm font-medium ${current ? "bg-indigo-50 text-indigo-700" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900"}`}
              >
                {link.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
