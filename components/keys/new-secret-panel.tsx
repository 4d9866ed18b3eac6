"use client";
// A secret shown once: copy it, read the warning, try it with curl or "Test now".
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import type { TestAnswer } from "@/lib/actions/action-state";

export function NewSecretPanel({
  secret,
  apiOrigin,
  showOnce,
  onTest,
}: {
  secret: string;
  apiOrigin: string;
  showOnce: boolean;
  onTest: (secret: string) => Promise<TestAnswer>;
}) {
  const [result, setResult] = useState<TestAnswer | null>(null);
  const [pending, start] = useTransition();
  const curl = `curl -H "Authorization: Bearer ${secret}" ${apiOrigin.replace(/\/$/, "")}/api/v1/me`;
  return (
    <div className="space-y-4">
      <div className={showOnce ? "rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20" : "rounded-md bg-slate-50 px-3 py-2.5 text-sm text-slate-600 ring-1 ring-inset ring-slate-200"}>
        {showOnce
          ? "Copy this key now. It cannot be shown again: this organization keeps only its hash."
          : "Copy this key now and store it safely. Owners and admins can reveal it later; every reveal is recorded in the history."}
      </div>
      <div>
        <p className="text-sm font-medium text-slate-700" id="secret-label">Secret key</p>
        <div className="mt-1.5 flex items-center gap-2">
          <code aria-labelledby="secret-label" data-testid="new-secret" className="min-w-0 flex-1 truncate rounded-md bg-slate-900 px-3 py-2 font-mono text-[13px] text-emerald-300 select-all">
            {secret}
          </code>
          <CopyButton value={secret} label="Copy key" />
        </div>
      </div>
      <div>
        <p className="text-sm font-medium text-slate-700">Test your connection</p>
        <div className="mt-1.5 flex items-start gap-2">
          <code data-testid="curl-line" className="min-w-0 flex-1 rounded-md bg-slate-100 px-3 py-2 font-mono text-xs break-all text-slate-700">{curl}</code>
          <CopyButton value={curl} label="Copy" />
        </div>
        <div className="mt-3 flex items-center gap-3">
          <Button type="button" variant="secondary" size="sm" disabled={pending} onClick={() => start(async () => setResult(await onTest(secret)))}>
            {pending ? "Testing…" : "Test now"}
          </Button>
          {result && "status" in result ? (
            <span className={result.status < 300 ? "text-sm font-medium text-emerald-700" : "text-sm font-medium text-red-700"} data-testid="test-status">
              {result.status < 300 ? `Connected: HTTP ${result.status}` : `HTTP ${result.status}`}
            </span>
          ) : null}
        </div>
        {result ? (
          <pre data-testid="test-result" className="mt-2 max-h-48 overflow-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-700 ring-1 ring-slate-200">
            {"status" in result ? result.body : "error" in result ? result.error : result.message}
          </pre>
        ) : null}
      </div>
    </div>
  );
}
