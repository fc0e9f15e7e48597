"use client";

import Link from "next/link";
import { useEffect, useState } from "react";
import { Badge, type BadgeTone } from "@/components/Badge";
import { buttonStyles } from "@/components/buttonStyles";
import { Card } from "@/components/Card";
import type { FlowExchange, FlowStep, FlowStepStatus } from "@/lib/flow-tester/FlowStep";
import { openAuthorizationWindow } from "@/lib/flow-tester/openAuthorizationWindow";
import { runClientFlow } from "@/lib/flow-tester/runClientFlow";

export interface FlowTesterProps {
  /** The origin of PUBLIC_URL: the page can reach the server only when it is opened there. */
  publicOrigin: string;
  callbackPath: string;
  clientsHref: string;
  settingsHref: string;
  server: { name: string; resource: string; gatewayUrl: string | null; challengeUrl: string; scopes: string[] };
}

const STATUS: Record<FlowStepStatus, { label: string; tone: BadgeTone }> = {
  pending: { label: "Waiting", tone: "neutral" },
  running: { label: "Running", tone: "sky" },
  passed: { label: "Passed", tone: "green" },
  failed: { label: "Failed", tone: "red" },
  skipped: { label: "Not run", tone: "amber" },
};

function Headers({ headers }: { headers: Record<string, string> }) {
  const entries = Object.entries(headers);
  if (entries.length === 0) return null;
  return (
    <dl className="mt-1 space-y-0.5 font-mono text-xs">
      {entries.map(([name, value]) => (
        <div key={name} className="break-all">
          <dt className="inline font-semibold text-slate-900">{name}:</dt> <dd className="inline text-slate-700">{value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Body({ text }: { text?: string }) {
  if (!text) return null;
  return <pre className="mt-2 max-h-72 overflow-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs whitespace-pre-wrap break-all text-slate-900">{text}</pre>;
}

function Exchange({ exchange }: { exchange: FlowExchange }) {
  const { request, response } = exchange;
  return (
    <div className="grid gap-3 lg:grid-cols-2">
      <div className="min-w-0 rounded-md border border-slate-200 p-3">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Request</h4>
        <p className="mt-1 font-mono text-xs break-all text-slate-900">
          <strong>{request.method}</strong> {request.url}
        </p>
        {exchange.note && <p className="mt-1 text-xs text-slate-600">{exchange.note}</p>}
        <Headers headers={request.headers} />
        <Body text={request.body} />
      </div>
      <div className="min-w-0 rounded-md border border-slate-200 p-3">
        <h4 className="text-xs font-semibold tracking-wide text-slate-500 uppercase">Response</h4>
        {response ? (
          <>
            <p className="mt-1 font-mono text-xs text-slate-900">{response.status === null ? (response.headers.location ? "Redirected back" : "No answer") : <strong>{response.status}</strong>}</p>
            <Headers headers={response.headers} />
            <Body text={response.body} />
          </>
        ) : (
          <p className="mt-1 text-xs text-slate-600">Waiting…</p>
        )}
      </div>
    </div>
  );
}

function Step({ step, number }: { step: FlowStep; number: number }) {
  const status = STATUS[step.status];
  return (
    <li aria-label={step.title} className="py-4 first:pt-0 last:pb-0">
      <div className="flex gap-3">
        <span aria-hidden className={`flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${step.status === "failed" ? "bg-red-100 text-red-800" : step.status === "passed" ? "bg-emerald-100 text-emerald-800" : "bg-slate-100 text-slate-700"}`}>
          {number}
        </span>
        <div className="min-w-0 flex-1">
          <div className="flex flex-wrap items-center gap-2">
            <h3 className="text-sm font-medium text-slate-900">{step.title}</h3>
            <Badge tone={status.tone}>{status.label}</Badge>
          </div>
          {step.status === "failed" ? (
            <div className="mt-1 space-y-1 text-sm">
              <p className="text-red-800">
                <span className="font-medium">Why: </span>
                {step.summary}
              </p>
              <p className="text-slate-700">
                <span className="font-medium">Next: </span>
                {step.next}
              </p>
            </div>
          ) : (
            (step.summary || step.next) && <p className="mt-1 text-sm text-slate-600">{step.summary ?? step.next}</p>
          )}
          {step.exchanges.length > 0 && (
            <details className="group mt-2" open={step.status === "failed"}>
              <summary className="cursor-pointer text-sm font-medium text-indigo-700 hover:text-indigo-600 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-600">
                {step.exchanges.length === 1 ? "Request and response" : `${step.exchanges.length} requests and responses`}
              </summary>
              <div className="mt-2 space-y-3">
                {step.exchanges.map((exchange, index) => (
                  <Exchange key={index} exchange={exchange} />
                ))}
              </div>
            </details>
          )}
        </div>
      </div>
    </li>
  );
}

function progressOf(steps: FlowStep[], running: boolean): string {
  if (steps.length === 0) return "";
  const index = steps.findIndex((step) => step.status === "running");
  if (running && index >= 0) return `Step ${index + 1} of ${steps.length}: ${steps[index]!.title}…`;
  const failed = steps.find((step) => step.status === "failed");
  const passed = steps.filter((step) => step.status === "passed").length;
  if (failed) return `Stopped at “${failed.title}”: ${failed.summary ?? ""}`;
  if (running) return "Starting…";
  return `Done: ${passed} of ${steps.length} steps passed${passed < steps.length ? "; the others were not run" : ""}.`;
}

/**
 * The flow tester: runs runClientFlow in this browser and shows each step as it goes. The popup
 * is opened by the click itself (a popup opened later, after discovery, would be blocked).
 */
export function FlowTester({ publicOrigin, callbackPath, clientsHref, settingsHref, server }: FlowTesterProps) {
  const [steps, setSteps] = useState<FlowStep[]>([]);
  const [running, setRunning] = useState(false);
  const [origin, setOrigin] = useState<string | null>(null);
  useEffect(() => {
    queueMicrotask(() => setOrigin(window.location.origin));
  }, []);

  async function run() {
    setRunning(true);
    setSteps([]);
    const popup = openAuthorizationWindow();
    try {
      await runClientFlow(
        {
          resource: server.resource,
          probeUrl: server.gatewayUrl ?? server.challengeUrl,
          gatewayUrl: server.gatewayUrl,
          redirectUri: `${window.location.origin}${callbackPath}`,
          scopes: server.scopes,
          clientName: "Gatehouse flow tester",
        },
        { fetch: (url, init) => fetch(url, init), authorize: popup.authorize, onUpdate: setSteps },
      );
    } finally {
      popup.close();
      setRunning(false);
    }
  }

  const passed = steps.filter((step) => step.status === "passed").length;
  return (
    <>
      {origin !== null && origin !== publicOrigin && (
        <div role="alert" className="mb-6 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This page is open at {origin}, but the server&apos;s public URL is {publicOrigin}. The browser lets this page reach only its own origin: open the portal at {publicOrigin} to run the flow.
        </div>
      )}
      <Card
        title="Run it"
        description={
          <>
            Each run registers a public client named “Gatehouse flow tester”, asks you to approve it in a popup window, and at the end deletes that client again (RFC 7592), which revokes the grant you gave it. If a run cannot delete it, its last step says so: remove it from <Link href={clientsHref} className="text-indigo-700 underline hover:text-indigo-600">Clients</Link>.
          </>
        }
      >
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium text-slate-700">Resource</dt>
          <dd className="font-mono break-all text-slate-900">{server.resource}</dd>
          <dt className="font-medium text-slate-700">First request to</dt>
          <dd className="font-mono break-all text-slate-900">{server.gatewayUrl ?? server.challengeUrl}</dd>
          <dt className="font-medium text-slate-700">Scopes asked for</dt>
          <dd className="font-mono text-slate-900">{server.scopes.length ? server.scopes.join(" ") : "none (the server has no default scope)"}</dd>
          <dt className="font-medium text-slate-700">Redirect URI</dt>
          <dd className="font-mono break-all text-slate-900">{(origin ?? publicOrigin) + callbackPath}</dd>
        </dl>
        {!server.gatewayUrl && (
          <p className="mt-4 text-sm text-slate-600">
            This server is hosted elsewhere: the run covers discovery, registration, authorization and the token. The MCP calls need the gateway (this page may only reach its own origin), so use the token with your own client for those.
          </p>
        )}
        <div className="mt-5 flex flex-wrap items-center gap-3">
          <button type="button" onClick={run} disabled={running} className={buttonStyles.primary}>
            {running ? "Running…" : steps.length ? "Run again" : "Run the flow"}
          </button>
          <Link href={settingsHref} className="text-sm text-indigo-700 underline hover:text-indigo-600">
            Registration settings
          </Link>
        </div>
        <p role="status" aria-live="polite" className="mt-3 min-h-5 text-sm text-slate-700">
          {progressOf(steps, running)}
        </p>
      </Card>

      {steps.length > 0 && (
        <Card title={`Steps: ${passed} of ${steps.length} passed`} className="mt-6">
          <ol aria-label="Flow steps" className="divide-y divide-slate-200">
            {steps.map((step, index) => (
              <Step key={step.id} step={step} number={index + 1} />
            ))}
          </ol>
        </Card>
      )}
    </>
  );
}
