import { useId } from "react";

export const DURATION_UNITS = { seconds: 1, minutes: 60, hours: 3600, days: 86400 } as const;
export type DurationUnit = keyof typeof DURATION_UNITS;

/** The largest unit that expresses `seconds` exactly, so 3600 shows as 1 hours rather than 3600 seconds. */
function split(seconds: number): { amount: number; unit: DurationUnit } {
  for (const unit of ["days", "hours", "minutes"] as const) {
    if (seconds % DURATION_UNITS[unit] === 0) return { amount: seconds / DURATION_UNITS[unit], unit };
  }
  return { amount: seconds, unit: "seconds" };
}

interface DurationFieldProps {
  /** Form names: `{name}` holds the amount, `{name}Unit` the unit. */
  name: string;
  label: string;
  seconds: number;
  units: DurationUnit[];
  hint?: string;
  error?: string;
}

/** A duration as an amount and a unit, so "30 days" need not be typed as 2592000 seconds. */
export function DurationField({ name, label, seconds, units, hint, error }: DurationFieldProps) {
  const id = useId();
  const initial = split(seconds);
  const unit = units.includes(initial.unit) ? initial : { amount: seconds / DURATION_UNITS[units[0]!], unit: units[0]! };
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div>
      <label htmlFor={`${id}-amount`} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <div className="mt-1 flex gap-2">
        <input
          id={`${id}-amount`}
          name={name}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          required
          defaultValue={unit.amount}
          aria-invalid={error ? true : undefined}
          aria-describedby={describedBy}
          className={`block w-32 rounded-md border bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-600 ${error ? "border-red-600" : "border-slate-300"}`}
        />
        <label htmlFor={`${id}-unit`} className="sr-only">
          {label}: unit
        </label>
        <select
          id={`${id}-unit`}
          name={`${name}Unit`}
          defaultValue={unit.unit}
          className="rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 shadow-sm focus:outline-none focus:ring-2 focus:ring-indigo-600"
        >
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-xs text-slate-600">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="mt-1 text-sm text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
