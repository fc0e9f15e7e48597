import { type InputHTMLAttributes, useId } from "react";

interface CheckboxFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "type"> {
  name: string;
  label: string;
  hint?: string;
  error?: string;
}

/** A labelled checkbox whose hint and error are announced with it. */
export function CheckboxField({ label, hint, error, name, id, className, ...input }: CheckboxFieldProps) {
  const generated = useId();
  const inputId = id ?? `${generated}-${name}`;
  const hintId = hint ? `${inputId}-hint` : undefined;
  const errorId = error ? `${inputId}-error` : undefined;
  return (
    <div className={`flex gap-3 ${className ?? ""}`}>
      <input
        id={inputId}
        name={name}
        type="checkbox"
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        className="mt-0.5 h-4 w-4 shrink-0 rounded border-slate-400 text-indigo-600 accent-indigo-600"
        {...input}
      />
      <div className="min-w-0">
        <label htmlFor={inputId} className="block text-sm font-medium text-slate-800">
          {label}
        </label>
        {hint && (
          <p id={hintId} className="text-xs text-slate-600">
            {hint}
          </p>
        )}
        {error && (
          <p id={errorId} className="mt-1 text-sm text-red-700">
            {error}
          </p>
        )}
      </div>
    </div>
  );
}
