import type { Metadata } from "next";
import Link from "next/link";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";

export const metadata: Metadata = { title: "Admin role needed" };

export default async function ForbiddenPage({ params }: { params: Promise<{ org: string }> }) {
  const { org: slug } = await params;
  const { org } = await requireOrgPage(slug, `/orgs/${slug}/forbidden`);
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <p className="text-sm font-semibold text-indigo-700">Access limited</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">You need the admin role for this page</h1>
      <p className="mt-3 text-sm text-slate-600">Ask an owner or admin of {org.name} if you need access.</p>
      <Link href={`/orgs/${org.slug}`} className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
        Back to the overview
      </Link>
    </div>
  );
}
