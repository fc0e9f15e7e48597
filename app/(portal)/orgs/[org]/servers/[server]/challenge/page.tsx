import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/Badge";
import { buttonStyles } from "@/components/buttonStyles";
import { Card } from "@/components/Card";
import { PageHeader } from "@/components/PageHeader";
import { requireOrgPage } from "@/lib/server/auth/requireOrgPage";
import { ADMIN_ROLES } from "@/lib/server/auth/roles";
import { getConfig } from "@/lib/server/config/getConfig";
import { getServerOr404 } from "@/lib/server/portal/getServerOr404";
import { type FetchedDocument, runChallengeTest } from "@/lib/server/testers/runChallengeTest";

export const metadata: Metadata = { title: "Challenge tester" };
export const dynamic = "force-dynamic";

function Json({ value }: { value: unknown }) {
  return <pre className="max-h-96 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-900">{JSON.stringify(value, null, 2)}</pre>;
}

function DocumentCard({ title, document }: { title: string; document: FetchedDocument | null }) {
  return (
    <Card title={title} description={document ? <span className="break-all font-mono">{document.url}</span> : "Not fetched: the step before it failed."} className="mt-6">
      {document && (
        <>
          <p className="mb-2 text-sm text-slate-700">Status: {document.status ?? "no answer"}</p>
          {document.error && <p className="mb-2 text-sm text-red-700">{document.error}</p>}
          {document.json && <Json value={document.json} />}
        </>
      )}
    </Card>
  );
}

/**
 * Does what an MCP client does first, from the server: an initialize request without a token to
 * the resource, then the metadata documents the challenge leads to; each check says what a client
 * would do next. Reloading the page runs the test again.
 */
export default async function ChallengePage({ params }: { params: Promise<{ org: string; server: string }> }) {
  const { org: orgSlug, server: serverSlug } = await params;
  const { org } = await requireOrgPage(orgSlug, `/orgs/${orgSlug}/servers/${serverSlug}/challenge`, ADMIN_ROLES);
  const server = await getServerOr404(org.id, serverSlug);
  const result = await runChallengeTest(server.urls.resource, getConfig().publicUrl);
  const passed = result.checks.filter((check) => check.passed).length;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/orgs/${org.slug}/servers/${server.slug}`} className="text-indigo-700 underline hover:text-indigo-600">
          ← {server.name}
        </Link>
      </p>
      <PageHeader
        title="Challenge tester"
        description={
          <>
            An unauthenticated <span className="font-mono">initialize</span> request to <span className="break-all font-mono">{result.resourceUrl}</span>, as an MCP client sends it first.
          </>
        }
      >
        <Link href={`/orgs/${org.slug}/servers/${server.slug}/challenge`} className={buttonStyles.secondary} prefetch={false}>
          Run again
        </Link>
        <Link href={`/orgs/${org.slug}/servers/${server.slug}/flow`} className={buttonStyles.primary}>
          Test the full flow
        </Link>
      </PageHeader>

      <Card title={`Checks: ${passed} of ${result.checks.length} passed`}>
        <ul aria-label="Checks" className="divide-y divide-slate-200">
          {result.checks.map((check) => (
            <li key={check.id} aria-label={check.label} className="flex gap-3 py-3 first:pt-0 last:pb-0">
              <span className="shrink-0">{check.passed ? <Badge tone="green">Passed</Badge> : <Badge tone="red">Failed</Badge>}</span>
              <div className="min-w-0">
                <p className="text-sm font-medium text-slate-900">{check.label}</p>
                <p className="text-sm text-slate-600">{check.explanation}</p>
              </div>
            </li>
          ))}
        </ul>
      </Card>

      <Card title="Response" className="mt-6">
        {result.error ? (
          <p className="text-sm text-red-700">{result.error}</p>
        ) : (
          <div className="space-y-4">
            <p className="text-sm text-slate-800">
              Status: <strong>{result.status}</strong>
            </p>
            <div>
              <h3 className="text-sm font-medium text-slate-800">Headers</h3>
              <dl className="mt-1 space-y-1 font-mono text-xs">
                {Object.entries(result.headers).map(([name, value]) => (
                  <div key={name} className="break-all">
                    <dt className="inline font-semibold text-slate-900">{name}:</dt> <dd className="inline text-slate-700">{value}</dd>
                  </div>
                ))}
              </dl>
            </div>
            <div>
              <h3 className="text-sm font-medium text-slate-800">Parsed challenge</h3>
              {result.challenge ? <Json value={result.challenge} /> : <p className="text-sm text-slate-600">No WWW-Authenticate header.</p>}
            </div>
            {result.body && (
              <div>
                <h3 className="text-sm font-medium text-slate-800">Body</h3>
                <pre className="max-h-64 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap text-slate-900">{result.body}</pre>
              </div>
            )}
          </div>
        )}
      </Card>

      <DocumentCard title="Protected resource metadata (RFC 9728)" document={result.resourceMetadata} />
      <DocumentCard title="Authorization server metadata (RFC 8414)" document={result.authorizationServerMetadata} />
    </>
  );
}
