import type { Metadata } from "next";
import Link from "next/link";
import { errorDocs } from "@/lib/http/error-docs";
import { problemCodes, type ProblemCode } from "@/lib/http/problem";

export const metadata: Metadata = { title: "API errors" };

// /docs/errors — one anchor per problem code, so every problem's `type` resolves to its explanation.
export default function ErrorsPage() {
  const codes = Object.keys(problemCodes) as ProblemCode[];
  return (
    <main className="mx-auto max-w-3xl px-6 py-10">
      <p className="text-sm text-slate-500"><Link href="/docs/api" className="underline">API reference</Link> · Errors</p>
      <h1 className="mt-2 text-2xl font-semibold">Errors</h1>
      <p className="mt-3 text-slate-600">
        Every error is <code>application/problem+json</code> (RFC 9457):{" "}
        <code>{`{"type": "/docs/errors#<code>", "title", "status", "detail", "code"}`}</code>, plus the fields named below.
        Every 401 carries <code>WWW-Authenticate: Bearer realm=&quot;keydesk&quot;</code>.
      </p>
      <ul className="mt-6 space-y-6">
        {codes.map((code) => (
          <li key={code} id={code} className="scroll-mt-6 rounded-lg border border-slate-200 p-4">
            <h2 className="font-mono text-base font-semibold">
              <a href={`#${code}`}>{code}</a> <span className="ml-2 rounded bg-slate-100 px-2 py-0.5 text-sm">{problemCodes[code].status}</span>
            </h2>
            <p className="mt-1 text-sm font-medium">{problemCodes[code].title}</p>
            <p className="mt-2 text-sm text-slate-700">{errorDocs[code].when}</p>
            <p className="mt-1 text-sm text-slate-700"><strong>What to do:</strong> {errorDocs[code].fix}</p>
          </li>
        ))}
      </ul>
    </main>
  );
}
