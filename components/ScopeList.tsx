/** Scope names as small chips; an empty list says so. */
export function ScopeList({ scopes }: { scopes: string[] }) {
  if (scopes.length === 0) return <span className="text-slate-600">none</span>;
  return (
    <ul className="flex flex-wrap gap-1" aria-label="Scopes">
      {scopes.map((scope) => (
        <li key={scope} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800">
          {scope}
        </li>
      ))}
    </ul>
  );
}
