import { AuthSessionProvider } from "@/components/AuthSessionProvider";

export default function PortalLayout({ children }: { children: React.ReactNode }) {
  return <AuthSessionProvider>{children}</AuthSessionProvider>;
}
