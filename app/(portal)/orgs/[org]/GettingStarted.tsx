import Link from "next/link";
import { Card } from "@/components/Card";
import type { ChecklistState } from "@/lib/server/portal/getGettingStarted";

interface Item {
  done: boolean;
  title: string;
  body: React.ReactNode;
  href?: string;
  cta?: string;
}

function Check({ done }: { done: boolean }) {
  return done ? (
    <svg aria-hidden="true" viewBox="0 0 20 20" className="h-5 w-5 shrink-0 text-emerald-600" fill="currentColor">
      <path fillRule="evenodd" d="M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.7-9.3a1 1 0 0 0-1.4-1.4L9 10.6 7.7 9.3a1 1 0 0 0-1.4 1.4l2 2a1 1 0 0 0 1.4 0l4-4Z" clipRule="evenodd" />
    </svg>
  ) : (
    <span aria-hidden="true" className="mt-0.5 h-4 w-4 shrink-0 rounded-full border-2 border-slate-400" />
  );
}

/** The first steps of a new org, each ticked from what the org has really done; gone once all are. */
export function GettingStarted({ org, demoUrl, state }: { org: string; demoUrl: string; state: ChecklistState }) {
  const base = `/orgs/${org}`;
  const items: Item[] = [
    {
      done: state.connectedClient,
      title: "Connect an MCP client to the demo server",
      body: (
        <>
          Add <code className="break-all rounded bg-slate-100 px-1 text-xs">{demoUrl}</code> to Claude, Cursor, VS Code or the MCP Inspector
          and approve it when asked, or let the flow tester play the client in this browser.
        </>
      ),
      href: `${base}/servers/demo/flow`,
      cta: "Open the flow tester",
    },
    { done: state.confidentialClient, title: "Create a confidential client", body: "For a service that calls your MCP servers as itself.", href: `${base}/clients`, cta: "Open clients" },
    { done: state.invitedTeammate, title: "Invite a teammate", body: "Send an invite link; members can connect their own clients.", href: `${base}/members`, cta: "Invite" },
    { done: state.reviewedSigningKey, title: "Review the signing key", body: "See the key that signs your tokens and try a rotation: nothing breaks.", href: `${base}/keys`, cta: "Open signing keys" },
  ];
  const done = items.filter((i) => i.done).length;
  if (done === items.length) return null;

  return (
    <Card title="Getting started" description={`${done} of ${items.length} done.`} className="mt-6">
      <ol className="space-y-3" aria-label="Getting started checklist">
        {items.map((item) => (
          <li key={item.title} className="flex gap-3">
            <Check done={item.done} />
            <div className="min-w-0 flex-1">
              <p className={`text-sm font-medium ${item.done ? "text-slate-600 line-through" : "text-slate-900"}`}>
                {item.title}
                <span className="sr-only">{item.done ? " (done)" : " (to do)"}</span>
              </p>
              {!item.done && <p className="text-sm text-slate-600">{item.body}</p>}
            </div>
            {!item.done && item.href && (
              <Link href={item.href} className="shrink-0 self-start text-sm font-medium text-indigo-700 underline hover:text-indigo-600">
                {item.cta}
              </Link>
            )}
          </li>
        ))}
      </ol>
    </Card>
  );
}
