import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Not found" };

export default function NotFound() {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center px-4 py-12 text-center">
      <p className="text-sm font-semibold text-brand-600">404</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">Page not found</h1>
      <p className="mt-1 text-sm text-slate-500">There is nothing at this address, or it belongs to another organization.</p>
      <Link href="/settings/api" className="mt-6 text-sm font-medium text-brand-600 hover:underline">Go to API settings</Link>
    </main>
  );
}
