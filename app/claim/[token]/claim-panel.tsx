"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";
import { claimKeyAction, type ClaimState } from "@/lib/actions/claim-actions";
import { DeadLink } from "./dead-link";

export function ClaimPanel({ token, origin }: { token: string; origin: string }) {
  const [state, action, pending] = useActionState<ClaimState, FormData>(claimKeyAction, {});
  if (state.message && !state.ok) return <DeadLink />;
  if (state.ok && state.secret) {
    const curl = `curl -H "Authorization: Bearer ${state.secret}" ${origin}/api/v1/me`;
    return (
      <div className="space-y-4">
        <h2 className="text-base font-semibold">Your API key for {state.organizationName}</h2>
        <div className="rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" role="status" aria-label="Key shown once">
          Copy it now: this page shows it only once. Store it on your server (an environment variable or a secrets manager), never in a browser or an app you ship.
        </div>
        <div className="flex items-start gap-2">
          <code data-testid="claimed-key" className="min-w-0 flex-1 rounded bg-slate-100 px-2 py-1 font-mono text-[13px] break-all">{state.secret}</code>
          <CopyButton value={state.secret} label="Copy API key" />
        </div>
        <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="text-slate-500">Name</dt><dd>{state.keyName}</dd>
          <dt className="text-slate-500">Permissions</dt><dd className="min-w-0 font-mono text-[13px] break-words">{(state.permissions ?? []).join(", ")}</dd>
          <dt className="text-slate-500">Rate limit</dt><dd>{state.rateLimit} requests per hour</dd>
        </dl>
        <div>
          <div className="flex items-center justify-between gap-2">
            <p className="text-sm font-medium">Test your connection</p>
            <CopyButton value={curl} label="Copy command" />
          </div>
          <pre className="mt-1 rounded bg-slate-900 p-3 text-[12px] whitespace-pre-wrap text-slate-100 break-all" data-testid="claim-curl"><code>{curl}</code></pre>
          <p className="mt-1 text-xs text-slate-500">It answers with your key’s name, permissions and rate limit.</p>
        </div>
      </div>
    );
  }
  return (
    <form action={action} className="space-y-4">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-slate-600">The key is shown once, when you press the button. Have a safe place ready to store it.</p>
      <Button type="submit" disabled={pending} className="w-full">Show my API key</Button>
    </form>
  );
}
