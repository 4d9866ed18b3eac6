"use client";
// The events an endpoint subscribes to: a checkbox grid grouped by resource, each event with its
// description, and a tri-state "Select all".
import { useEffect, useRef, useState } from "react";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";

const GROUP_LABELS: Record<string, string> = { article: "Articles", category: "Categories", approval: "Approvals", key: "API keys", partner: "Partners" };

const groups = WEBHOOK_EVENT_TYPES.reduce<Record<string, WebhookEventType[]>>((acc, t) => {
  (acc[t.split(".")[0]!] ??= []).push(t);
  return acc;
}, {});

export function EventPicker({ initial = [], errorId, invalid }: { initial?: readonly string[]; errorId: string; invalid?: boolean }) {
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(initial));
  const all = useRef<HTMLInputElement>(null);
  const count = chosen.size;
  const total = WEBHOOK_EVENT_TYPES.length;
  useEffect(() => {
    if (all.current) all.current.indeterminate = count > 0 && count < total;
  }, [count, total]);

  const toggle = (t: string, on: boolean) =>
    setChosen((s) => {
      const next = new Set(s);
      if (on) next.add(t);
      else next.delete(t);
      return next;
    });

  return (
    <fieldset aria-describedby={errorId}>
      <legend className="sr-only">Events to send</legend>
      <div className="flex items-center justify-between gap-3">
        <span aria-hidden className="text-sm font-medium text-slate-700">Events to send</span>
        <label className="flex cursor-pointer items-center gap-2 text-sm text-slate-700">
          <input
            ref={all}
            type="checkbox"
            className="h-4 w-4 accent-brand-600"
            checked={count === total}
            onChange={(e) => setChosen(e.target.checked ? new Set(WEBHOOK_EVENT_TYPES) : new Set())}
          />
          Select all
          <span className="text-xs text-slate-500 tabular-nums" aria-live="polite">({count} of {total})</span>
        </label>
      </div>
      <div className={`mt-2 rounded-md ring-1 ring-inset ${invalid ? "ring-red-500" : "ring-slate-200"}`}>
        {Object.entries(groups).map(([group, types]) => (
          <div key={group} role="group" aria-labelledby={`events-group-${group}`} className="border-b border-slate-100 px-3 py-2 last:border-b-0">
            <p id={`events-group-${group}`} className="text-xs font-medium tracking-wide text-slate-500 uppercase">{GROUP_LABELS[group] ?? group}</p>
            <div className="mt-1 grid gap-x-4 gap-y-1 sm:grid-cols-2">
              {types.map((t) => (
                <label key={t} className="flex cursor-pointer items-start gap-2 rounded px-1 py-1 hover:bg-slate-50">
                  <input
                    type="checkbox"
                    name="events"
                    value={t}
                    checked={chosen.has(t)}
                    onChange={(e) => toggle(t, e.target.checked)}
                    className="mt-0.5 h-4 w-4 shrink-0 accent-brand-600"
                    aria-describedby={`event-desc-${t.replace(".", "-")}`}
                  />
                  <span className="min-w-0">
                    <span className="block font-mono text-[13px] text-slate-900">{t}</span>
                    <span id={`event-desc-${t.replace(".", "-")}`} className="block text-xs text-slate-500">{WEBHOOK_EVENT_DESCRIPTIONS[t]}</span>
                  </span>
                </label>
              ))}
            </div>
          </div>
        ))}
      </div>
    </fieldset>
  );
}
