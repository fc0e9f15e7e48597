import Link from "next/link";

/** Orgs the user does not belong to land here too: an org that is not yours looks like one that does not exist. */
export default function PortalNotFound() {
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <p className="text-sm font-semibold text-indigo-700">404</p>
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Organization not found</h1>
      <p className="mt-3 text-sm text-slate-600">This organization does not exist, or your account is not a member of it.</p>
      <Link href="/" className="mt-6 inline-block rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white hover:bg-indigo-500">
        Go to your organizations
      </Link>
    </main>
  );
}
