/**
 * A table that scrolls sideways inside its card on narrow screens. `columns` become header cells;
 * the caption names the table for screen readers (and for tests).
 */
export function DataTable({ caption, columns, children }: { caption: string; columns: string[]; children: React.ReactNode }) {
  return (
    <div className="-mx-5 overflow-x-auto sm:-mx-6">
      <table className="min-w-full text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-200 text-xs uppercase tracking-wide text-slate-600">
          <tr>
            {columns.map((column, i) => (
              <th key={column} scope="col" className={`py-2 font-medium ${i === 0 ? "pl-5 pr-3 sm:pl-6" : i === columns.length - 1 ? "pl-3 pr-5 sm:pr-6" : "px-3"}`}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">{children}</tbody>
      </table>
    </div>
  );
}

/** Cell paddings that line up with DataTable's header. */
export const cell = {
  first: "py-2.5 pl-5 pr-3 align-top sm:pl-6",
  middle: "px-3 py-2.5 align-top",
  last: "py-2.5 pl-3 pr-5 align-top sm:pr-6",
} as const;
