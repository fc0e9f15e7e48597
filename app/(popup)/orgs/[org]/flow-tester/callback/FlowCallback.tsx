"use client";

import { useEffect, useState } from "react";
import { FLOW_CALLBACK_MESSAGE } from "@/lib/flow-tester/flowCallbackMessage";

/** Posts this page's URL (the authorization response) to the flow tester that opened it, on our origin only. */
export function FlowCallback() {
  const [handedBack, setHandedBack] = useState<boolean | null>(null);
  useEffect(() => {
    const opener = window.opener as Window | null;
    if (!opener) {
      queueMicrotask(() => setHandedBack(false));
      return;
    }
    // targetOrigin = our own origin: a page of another origin that opened this one gets nothing.
    opener.postMessage({ type: FLOW_CALLBACK_MESSAGE, url: window.location.href }, window.location.origin);
    queueMicrotask(() => setHandedBack(true));
  }, []);

  return (
    <div role="status" aria-live="polite">
      <h1 className="text-lg font-semibold text-slate-900">{handedBack === false ? "Nothing to return to" : "Returning to the flow tester…"}</h1>
      <p className="mt-2 text-sm text-slate-600">
        {handedBack === false
          ? "This page finishes a flow tester run, but the window that started it is gone. Close this window and run the flow again."
          : "The authorization answer was handed back; this window closes by itself. If it does not, close it."}
      </p>
    </div>
  );
}
