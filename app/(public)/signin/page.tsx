import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/Card";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { safeCallbackUrl } from "@/lib/server/portal/safeCallbackUrl";
import { signInErrorMessage } from "./signInErrorMessage";
import { SignInForm } from "./SignInForm";

export const metadata: Metadata = { title: "Sign in" };

function signInError(code: string | string[] | undefined): string | null {
  if (!code) return null;
  return signInErrorMessage(Array.isArray(code) ? code[0] : code, "Signing in failed. Try again.");
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getSessionUser()) redirect(callbackUrl);

  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Sign in to Gatehouse</h1>
      <Card className="mt-6">
        <SignInForm callbackUrl={callbackUrl} initialError={signInError(params.error)} />
      </Card>
      <p className="mt-4 text-center text-sm text-slate-600">No account? Ask an admin of your organization for an invitation link.</p>
    </div>
  );
}
