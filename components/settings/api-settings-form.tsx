"use client";
import { useActionState, useState } from "react";
import { updateApiSettingsAction, type SettingsState } from "@/lib/actions/settings-actions";
import { ActionForm } from "@/components/ui/action-form";
import { Button } from "@/components/ui/button";
import { FieldError, Input, FormAlert } from "@/components/ui/input";
import { useToast } from "@/components/ui/toast";

type Settings = { requireApiToken: boolean; allowQueryKeys: boolean; revealPolicy: "reveal" | "show_once"; defaultRateLimitPerHour: number; leakedKeyAction: "revoke" | "notify"; maxKeyLifetimeDays: number | null; idleKeyDays: number | null };

function Toggle({ name, label, hint, defaultChecked }: { name: string; label: string; hint: string; defaultChecked: boolean }) {
  return (
    <div className="flex items-start justify-between gap-6 px-5 py-4">
      <div>
        <label htmlFor={name} className="text-sm font-medium text-slate-900">{label}</label>
        <p id={`${name}-hint`} className="text-sm text-slate-500">{hint}</p>
      </div>
      <input id={name} name={name} type="checkbox" role="switch" defaultChecked={defaultChecked} aria-describedby={`${name}-hint`} className="mt-1 h-5 w-9 shrink-0 cursor-pointer appearance-none rounded-full bg-slate-300 transition-colors before:block before:h-4 before:w-4 before:translate-x-0.5 before:translate-y-0.5 before:rounded-full before:bg-white before:shadow before:transition-transform checked:bg-brand-600 checked:before:translate-x-[18px]" />
    </div>
  );
}

export function ApiSettingsForm({ settings }: { settings: Settings }) {
  const toast = useToast();
  const [policy, setPolicy] = useState(settings.revealPolicy);
  const [state, action, pending] = useActionState<SettingsState, FormData>(async (prev, fd) => {
    const next = await updateApiSettingsAction(prev, fd);
    if (next.ok && next.message) toast(next.message);
    return next;
  }, {});
  return (
    <ActionForm action={action} noValidate>
      <div className="divide-y divide-slate-100">
        <Toggle name="requireApiToken" label="Require an API key for every request" hint="When on, requests without a key get 401 instead of reading published external articles and categories." defaultChecked={settings.requireApiToken} />
        <Toggle name="allowQueryKeys" label="Allow keys in the query string" hint="Accept ?api_key=… besides the Authorization and X-API-Key headers. Such responses are never cached." defaultChecked={settings.allowQueryKeys} />
        <div className="px-5 py-4">
          <p id="revealPolicy-label" className="text-sm font-medium text-slate-900">Reveal policy</p>
          <p id="revealPolicy-hint" className="text-sm text-slate-500">Whether owners and admins can view a key’s secret after creating it.</p>
          <div role="radiogroup" aria-labelledby="revealPolicy-label" aria-describedby="revealPolicy-hint revealPolicy-error" className="mt-3 grid gap-2 sm:grid-cols-2">
            {([
              ["reveal", "Reveal (audited)", "Secrets are stored encrypted; every view is recorded and needs the password."],
              ["show_once", "Show once", "Only hashes are kept: a secret is shown when it is created and never again."],
            ] as const).map(([value, label, hint]) => (
              <label key={value} className={`flex cursor-pointer items-start gap-3 rounded-md px-3 py-2.5 ring-1 ring-inset ${policy === value ? "bg-brand-50 ring-brand-500" : "ring-slate-200"}`}>
                <input type="radio" name="revealPolicy" value={value} checked={policy === value} onChange={() => setPolicy(value)} className="mt-0.5 accent-brand-600" />
                <span>
                  <span className="block text-sm font-medium text-slate-900">{label}</span>
                  <span className="block text-[13px] text-slate-500">{hint}</span>
                </span>
              </label>
            ))}
          </div>
          {policy === "show_once" && settings.revealPolicy === "reveal" ? (
            <label className="mt-3 flex items-start gap-2 rounded-md bg-amber-50 px-3 py-2.5 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
              <input type="checkbox" name="confirmShowOnce" className="mt-0.5 accent-amber-600" />
              I understand that the stored secrets of every key in this organization will be deleted and can never be viewed again.
            </label>
          ) : null}
          <FieldError id="revealPolicy-error" errors={state.errors?.revealPolicy} />
        </div>
        <div className="px-5 py-4">
          <label htmlFor="defaultRateLimitPerHour" className="text-sm font-medium text-slate-900">Default rate limit</label>
          <p id="rate-hint" className="text-sm text-slate-500">Requests per hour for keys without their own limit.</p>
          <Input id="defaultRateLimitPerHour" name="defaultRateLimitPerHour" inputMode="numeric" defaultValue={settings.defaultRateLimitPerHour} className="mt-2 max-w-[12rem]" aria-describedby="rate-hint defaultRateLimitPerHour-error" aria-invalid={state.errors?.defaultRateLimitPerHour ? true : undefined} />
          <FieldError id="defaultRateLimitPerHour-error" errors={state.errors?.defaultRateLimitPerHour} />
        </div>
        <div className="grid gap-5 px-5 py-4 sm:grid-cols-2">
          <div>
            <label htmlFor="maxKeyLifetimeDays" className="text-sm font-medium text-slate-900">Longest key lifetime (days)</label>
            <p id="lifetime-hint" className="text-sm text-slate-500">New keys and rotations must expire within it. Empty: no limit.</p>
            <Input id="maxKeyLifetimeDays" name="maxKeyLifetimeDays" inputMode="numeric" defaultValue={settings.maxKeyLifetimeDays ?? ""} placeholder="No limit" className="mt-2 max-w-[12rem]" aria-describedby="lifetime-hint maxKeyLifetimeDays-error" aria-invalid={state.errors?.maxKeyLifetimeDays ? true : undefined} />
            <FieldError id="maxKeyLifetimeDays-error" errors={state.errors?.maxKeyLifetimeDays} />
          </div>
          <div>
            <label htmlFor="idleKeyDays" className="text-sm font-medium text-slate-900">Pause keys unused for (days)</label>
            <p id="idle-hint" className="text-sm text-slate-500">Their creators are emailed 7 days before. Empty: never.</p>
            <Input id="idleKeyDays" name="idleKeyDays" inputMode="numeric" defaultValue={settings.idleKeyDays ?? ""} placeholder="Never" className="mt-2 max-w-[12rem]" aria-describedby="idle-hint idleKeyDays-error" aria-invalid={state.errors?.idleKeyDays ? true : undefined} />
            <FieldError id="idleKeyDays-error" errors={state.errors?.idleKeyDays} />
          </div>
        </div>
        <div className="px-5 py-4">
          <label htmlFor="leakedKeyAction" className="text-sm font-medium text-slate-900">When a key is found in public</label>
          <p id="leaked-hint" className="text-sm text-slate-500">GitHub’s secret scanning and anyone who finds a key can report it. Owners, admins and the key’s creator are emailed either way.</p>
          <select id="leakedKeyAction" name="leakedKeyAction" defaultValue={settings.leakedKeyAction} aria-describedby="leaked-hint" className="mt-2 block h-9 w-full max-w-full rounded-md sm:w-auto border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none">
            <option value="revoke">Revoke the leaked secret at once (recommended)</option>
            <option value="notify">Only notify: the secret keeps working</option>
          </select>
        </div>
      </div>
      <FormAlert label="Settings error" message={state.ok ? undefined : state.message} className="mx-5 mb-3" />
      <div className="flex justify-end border-t border-slate-200 bg-slate-50 px-5 py-3 rounded-b-lg">
        <Button type="submit" disabled={pending}>{pending ? "Saving…" : "Save settings"}</Button>
      </div>
    </ActionForm>
  );
}
