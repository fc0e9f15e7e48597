"use client";

import { useSyncExternalStore } from "react";

interface SubmitButtonProps {
  pending: boolean;
  children: React.ReactNode;
  pendingLabel?: string;
  className?: string;
}

/**
 * The submit button of the portal's forms. Disabled until React has hydrated the form: before
 * that, a click or Enter would submit natively as GET and put the fields (a password, on the
 * sign-in form) in the URL. A disabled default button blocks implicit submission too.
 */
export function SubmitButton({ pending, children, pendingLabel, className = "" }: SubmitButtonProps) {
  // false in the server HTML and during hydration, true once React runs in the browser.
  const hydrated = useSyncExternalStore(subscribeToNothing, () => true, () => false);
  return (
    <button
      type="submit"
      disabled={pending || !hydrated}
      aria-busy={pending || undefined}
      className={`inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-70 ${className}`}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}

const subscribeToNothing = () => () => {};
