import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { getSessionUser } from "@/lib/server/auth/getSessionUser";
import { consentCsrfToken } from "@/lib/server/authorize/consentCsrfToken";
import { describeConsent } from "@/lib/server/authorize/describeConsent";
import { prepareAuthorization } from "@/lib/server/authorize/prepareAuthorization";
import { getOAuthRuntime } from "@/lib/server/oauth/getOAuthRuntime";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Authorize access", referrer: "no-referrer" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function toQuery(params: Record<string, string | string[] | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) query.append(name, v);
  }
  return query.toString();
}

export default async function ConsentPage({ params, searchParams }: { params: Promise<{ org: string }>; searchParams: SearchParams }) {
  const { org: orgSlug } = await params;
  const query = toQuery(await searchParams);
  const runtime = await getOAuthRuntime();
  const step = await prepareAuthorization(runtime, orgSlug, new URLSearchParams(query), await getSessionUser());
  if (step.kind === "redirect") redirect(step.location);
  if (step.kind === "sign-in") redirect(`/signin?callbackUrl=${encodeURIComponent(`/orgs/${orgSlug}/consent?${query}`)}`);
  if (step.kind === "error-page") {
    return (
      <main className="mx-auto mt-16 max-w-lg rounded-xl border border-slate-200 bg-white p-8 shadow-sm" role="alert">
        <h1 className="text-xl font-semibold">This request cannot be completed</h1>
        <p className="mt-3 text-slate-700">{step.error.description}.</p>
        <p className="mt-3 text-sm text-slate-600">
          Error code <code className="rounded bg-slate-100 px-1">{step.error.error}</code>. Close this window and start again from the application.
        </p>
      </main>
    );
  }

  const { org, user, request } = step;
  const consent = await describeConsent(runtime, request);
  const csrf = consentCsrfToken(runtime.config.sessionSecret, user.id, org.orgId, query);
  return (
    <main className="mx-auto my-12 max-w-lg px-4">
      <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        <div className="flex items-center gap-4">
          {consent.logoUri ? (
            // eslint-disable-next-line @next/next/no-img-element -- a client's logo from any https host; next/image would need every host allow-listed
            <img src={consent.logoUri} alt="" width={48} height={48} className="h-12 w-12 rounded-lg border border-slate-200 object-contain" referrerPolicy="no-referrer" />
          ) : (
            <div aria-hidden className="flex h-12 w-12 items-center justify-center rounded-lg bg-indigo-100 text-lg font-semibold text-indigo-700">
              {consent.clientName.slice(0, 1).toUpperCase()}
            </div>
          )}
          <div>
            <h1 className="text-xl font-semibold text-slate-900">
              <span data-testid="consent-client-name">{consent.clientName}</span> wants to access {consent.serverName}
            </h1>
            <p className="text-sm text-slate-600">in {org.name}</p>
          </div>
        </div>

        <dl className="mt-6 space-y-3 text-sm">
          <div>
            <dt className="font-medium text-slate-700">It will be sent back to</dt>
            <dd className="mt-0.5 font-mono text-slate-900" data-testid="consent-redirect-host">{consent.redirectHost}</dd>
          </div>
          <div>
            <dt className="font-medium text-slate-700">MCP server</dt>
            <dd className="mt-0.5 break-all font-mono text-slate-900">{consent.resource}</dd>
          </div>
          {consent.clientSource === "cimd" ? (
            <div>
              <dt className="font-medium text-slate-700">Client identity</dt>
              <dd className="mt-0.5 break-all font-mono text-slate-900">{consent.clientId}</dd>
            </div>
          ) : null}
        </dl>

        <h2 className="mt-6 text-sm font-medium text-slate-700">It asks permission to</h2>
        <ul className="mt-2 divide-y divide-slate-100 rounded-lg border border-slate-200" data-testid="consent-scopes">
          {consent.scopes.map((scope) => (
            <li key={scope.name} className="px-4 py-3">
              <code className="text-sm font-semibold text-slate-900">{scope.name}</code>
              {scope.description ? <p className="text-sm text-slate-600">{scope.description}</p> : null}
            </li>
          ))}
        </ul>

        <form method="post" action={`/orgs/${org.slug}/api/v1/oauth/authorize`} className="mt-8 flex flex-col-reverse gap-3 sm:flex-row sm:justify-end">
          <input type="hidden" name="query" value={query} />
          <input type="hidden" name="csrf" value={csrf} />
          <button type="submit" name="decision" value="deny" className="rounded-lg border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 hover:bg-slate-50">
            Deny
          </button>
          <button type="submit" name="decision" value="allow" className="rounded-lg bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700">
            Allow access
          </button>
        </form>
        <p className="mt-6 text-xs text-slate-500">
          Signed in as {user.email}. You can revoke this access at any time from your connections in Gatehouse.
        </p>
      </div>
    </main>
  );
}
