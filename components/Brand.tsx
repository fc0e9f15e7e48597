import Link from "next/link";

export function Brand() {
  return (
    <Link href="/" className="flex items-center gap-2 rounded-md font-semibold text-slate-900">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-indigo-600" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round">
        <path d="M3 21V9l9-6 9 6v12" />
        <path d="M9 21v-6a3 3 0 0 1 6 0v6" />
      </svg>
      <span>Gatehouse</span>
    </Link>
  );
}
