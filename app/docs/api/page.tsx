import type { Metadata } from "next";
import Link from "next/link";
import { ApiReference } from "@/app/docs/api/api-reference";

export const metadata: Metadata = { title: "API reference" };

// /docs/api — the interactive reference of /api/openapi.json
export default function ApiDocsPage() {
  return (
    <main className="mx-auto max-w-6xl px-4 py-8">
      <p className="px-5 text-sm text-slate-500">
        API reference · <Link href="/docs/errors" className="underline">Errors</Link> · <a href="/api/openapi.json" className="underline">openapi.json</a>
      </p>
      <ApiReference />
    </main>
  );
}
