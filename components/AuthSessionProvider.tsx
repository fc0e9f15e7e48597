"use client";

import { SessionProvider } from "next-auth/react";

/** next-auth's client calls (signIn, signOut) read their settings from this provider. */
export function AuthSessionProvider({ children }: { children: React.ReactNode }) {
  return <SessionProvider refetchOnWindowFocus={false}>{children}</SessionProvider>;
}
