interface SubmitButtonProps {
  pending: boolean;
  children: React.ReactNode;
  pendingLabel?: string;
  className?: string;
}

export function SubmitButton({ pending, children, pendingLabel, className = "" }: SubmitButtonProps) {
  return (
    <button
      type="submit"
      disabled={pending}
      aria-busy={pending || undefined}
      className={`inline-flex items-center justify-center rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 disabled:cursor-wait disabled:opacity-70 ${className}`}
    >
      {pending ? (pendingLabel ?? "Working…") : children}
    </button>
  );
}
