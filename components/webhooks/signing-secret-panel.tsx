"use client";
// A signing secret shown once, with a copy button and how to verify deliveries with it.
import { CopyButton } from "@/components/ui/copy-button";

const SNIPPET = `import { Webhook } from "standardwebhooks";

const wh = new Webhook(process.env.KEYDESK_WEBHOOK_SECRET);
// the raw body as received, not re-serialized JSON;
// throws when the signature or timestamp is wrong
const event = wh.verify(rawBody, headers);`;

export function SigningSecretPanel({ secret, note }: { secret: string; note?: React.ReactNode }) {
  return (
    <div className="space-y-4">
      <div className="rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
        Copy this signing secret now. It cannot be shown again; if you lose it, rotate it.
        {note ? <span className="mt-1 block">{note}</span> : null}
      </div>
      <div>
        <p className="text-sm font-medium text-slate-700" id="signing-secret-label">Signing secret</p>
        <div className="mt-1.5 flex items-center gap-2">
          <code
            aria-labelledby="signing-secret-label"
            data-testid="signing-secret"
            className="min-w-0 flex-1 truncate rounded-md bg-slate-900 px-3 py-2 font-mono text-[13px] text-emerald-300 select-all"
          >
            {secret}
          </code>
          <CopyButton value={secret} label="Copy secret" />
        </div>
      </div>
      <div>
        <p className="text-sm font-medium text-slate-700">Verify each delivery</p>
        <p className="mt-1 text-[13px] text-slate-500">
          Deliveries are signed per the <a className="text-brand-600 hover:underline" href="https://www.standardwebhooks.com/" target="_blank" rel="noreferrer">Standard Webhooks</a> specification
          (<code className="font-mono text-xs">webhook-id</code>, <code className="font-mono text-xs">webhook-timestamp</code>, <code className="font-mono text-xs">webhook-signature</code> headers).
          Check them with the <code className="font-mono text-xs">standardwebhooks</code> library:
        </p>
        <pre className="mt-2 overflow-x-auto rounded-md bg-slate-50 p-3 font-mono text-xs text-slate-700 ring-1 ring-slate-200">{SNIPPET}</pre>
      </div>
    </div>
  );
}
