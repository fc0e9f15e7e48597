"use client";

import Link from "next/link";
import { useParams } from "next/navigation";

/** A server slug the org does not have (inside the org's layout: the org itself is fine). */
export default function ServerNotFound() {
  const { org } = useParams<{ org: string }>();
  return (
    <div className="mx-auto max-w-md py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">MCP server not found</h1>
      <p className="mt-3 text-sm text-slate-600">This organization has no MCP server with this slug: it may have been renamed or deleted.</p>
      <Link href={`/orgs/${org}/servers`} className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
        Back to the MCP servers
      </Link>
    </div>
  );
}
