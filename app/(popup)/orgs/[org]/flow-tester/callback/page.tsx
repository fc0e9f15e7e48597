import type { Metadata } from "next";
import { FlowCallback } from "./FlowCallback";

// Dynamic: the page's scripts need the per-response CSP nonce, which a prerendered page lacks.
export const dynamic = "force-dynamic";
// The URL carries the authorization code: never send it on in a Referer.
export const metadata: Metadata = { title: "Returning to the flow tester", referrer: "no-referrer" };

/**
 * The flow tester's redirect_uri: hands the authorization response back to the window that opened
 * it and does nothing else. It needs no session: the opener (same origin, checked on both sides)
 * validates the response and exchanges the code.
 */
export default function FlowCallbackPage() {
  return (
    <main className="mx-auto mt-16 max-w-md px-4">
      <div className="rounded-xl border border-slate-200 bg-white p-6 shadow-sm">
        <FlowCallback />
      </div>
    </main>
  );
}
