"use client";

import { usePathname } from "next/navigation";
import { useState } from "react";
import { Brand } from "./Brand";
import { SignOutButton } from "./SignOutButton";

interface PortalShellProps {
  email: string;
  /** The left navigation; a column on wide screens, behind the Menu button on narrow ones. */
  sidebar?: React.ReactNode;
  children: React.ReactNode;
}

export function PortalShell({ email, sidebar, children }: PortalShellProps) {
  const pathname = usePathname();
  // Remembering the path the menu was opened on closes it by itself after a navigation.
  const [openOn, setOpenOn] = useState<string | null>(null);
  const open = openOn === pathname;

  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-20 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-10 border-b border-slate-200 bg-white">
        <div className="flex h-14 items-center gap-3 px-4 sm:px-6">
          {sidebar && (
            <button
              type="button"
              aria-expanded={open}
              aria-controls="portal-sidebar"
              onClick={() => setOpenOn(open ? null : pathname)}
              className="rounded-md border border-slate-300 px-2.5 py-1.5 text-sm font-medium text-slate-700 md:hidden"
            >
              Menu
            </button>
          )}
          <Brand />
          <div className="ml-auto flex min-w-0 items-center gap-3">
            <span className="hidden truncate text-sm text-slate-600 sm:inline">
              <span className="sr-only">Signed in as </span>
              {email}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="md:flex">
        {sidebar && (
          <aside
            id="portal-sidebar"
            className={`${open ? "block" : "hidden"} border-b border-slate-200 bg-white p-4 md:sticky md:top-14 md:block md:h-[calc(100vh-3.5rem)] md:w-64 md:shrink-0 md:overflow-y-auto md:border-b-0 md:border-r`}
          >
            {sidebar}
            <p className="mt-6 border-t border-slate-200 pt-4 text-xs text-slate-600 sm:hidden">Signed in as {email}</p>
          </aside>
        )}
        <main id="main" className="min-w-0 flex-1 px-4 py-6 sm:px-6 md:px-8 md:py-8">
          <div className="mx-auto max-w-5xl">{children}</div>
        </main>
      </div>
    </div>
  );
}
