import { AuthSessionProvider } from "@/components/AuthSessionProvider";
import { Brand } from "@/components/Brand";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <AuthSessionProvider>
      <div className="flex min-h-screen flex-col">
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex h-14 max-w-5xl items-center px-4 sm:px-6">
            <Brand />
          </div>
        </header>
        <main id="main" className="flex-1 px-4 py-10 sm:px-6 sm:py-16">
          {children}
        </main>
      </div>
    </AuthSessionProvider>
  );
}
