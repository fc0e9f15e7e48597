import Link from "next/link";
import { redirect } from "next/navigation";
import { connection } from "next/server";
import { Card } from "@/components/Card";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { getConfig } from "@/lib/server/config/getConfig";
import { hasAnyUser } from "@/lib/server/portal/hasAnyUser";
import { listUserOrgs } from "@/lib/server/portal/listUserOrgs";
import { FirstRunForm } from "./FirstRunForm";

export default async function LandingPage() {
  // Reads the database on every request, never at build time.
  await connection();

  if (!(await hasAnyUser())) {
    return (
      <div className="mx-auto max-w-lg">
        <h1 className="text-2xl font-semibold tracking-tight text-slate-900">Set up Gatehouse</h1>
        <p className="mt-2 text-sm text-slate-600">
          No one has signed up yet. Create the first account and its organization: you will be its owner, and can invite others
          afterwards.
        </p>
        <Card className="mt-6">
          <FirstRunForm publicUrl={getConfig().publicUrl} />
        </Card>
      </div>
    );
  }

  const user = await getSessionUser();
  if (user) {
    const [first] = await listUserOrgs(user.id);
    redirect(first ? `/orgs/${first.slug}` : "/orgs/new");
  }

  return (
    <div className="mx-auto max-w-2xl text-center">
      <h1 className="text-3xl font-semibold tracking-tight text-slate-900 sm:text-4xl">OAuth 2.1 for your MCP servers</h1>
      <p className="mt-4 text-base text-slate-600">
        Gatehouse is the authorization server for your organization&apos;s MCP servers. Register your servers, decide which tools
        need which scopes, and let Claude, ChatGPT, Cursor, VS Code and the MCP SDKs sign in with tokens Gatehouse issues and
        checks. It can also stand in front of a server with no auth code at all.
      </p>
      <div className="mt-8 flex justify-center">
        <Link href="/signin" className="rounded-md bg-indigo-600 px-5 py-2.5 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500">
          Sign in
        </Link>
      </div>
    </div>
  );
}
