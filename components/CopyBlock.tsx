"use client";

import { useId, useRef, useState } from "react";

/** A multi-line snippet (config file, command) with a copy button; without a clipboard the text is selected. */
export function CopyBlock({ label, value, hint }: { label: string; value: string; hint?: React.ReactNode }) {
  const id = useId();
  const pre = useRef<HTMLPreElement>(null);
  const [status, setStatus] = useState("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setStatus("Copied");
    } catch {
      const selection = window.getSelection();
      if (pre.current && selection) {
        selection.selectAllChildren(pre.current);
      }
      setStatus("Selected: press Ctrl+C (⌘C) to copy");
    }
  }

  return (
    <div>
      <div className="flex items-end justify-between gap-2">
        <h3 id={id} className="text-sm font-medium text-slate-800">
          {label}
        </h3>
        <button
          type="button"
          onClick={copy}
          aria-label={`Copy ${label}`}
          className="shrink-0 rounded-md border border-slate-300 bg-white px-3 py-1.5 text-sm font-medium text-slate-700 hover:bg-slate-50"
        >
          Copy
        </button>
      </div>
      {hint && <div className="mt-1 text-xs text-slate-600">{hint}</div>}
      <pre ref={pre} aria-labelledby={id} tabIndex={0} className="mt-2 overflow-x-auto rounded-md border border-slate-200 bg-slate-50 p-3 font-mono text-xs text-slate-900">
        {value}
      </pre>
      <p aria-live="polite" className="mt-1 min-h-4 text-xs text-emerald-700">
        {status}
      </p>
    </div>
  );
}
