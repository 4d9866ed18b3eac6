"use client";
// The partner level as radio cards; levels the plan cannot hold are shown but disabled.
import { useState } from "react";
import type { PlanName } from "@/lib/keys/permissions";
import { LEVEL_LABELS, LEVEL_PERMISSIONS, PARTNER_LEVELS, planAllowsLevel, type PartnerLevel } from "@/lib/partners/partner-levels";
import { cn } from "@/components/ui/cn";
import { LEVEL_TEXT } from "@/components/partners/level-text";

export function LevelPicker({
  plan,
  defaultValue = "read",
  current,
  errorId,
  invalid,
  onChange,
}: {
  plan: PlanName;
  defaultValue?: PartnerLevel;
  current?: PartnerLevel;
  errorId?: string;
  invalid?: boolean;
  onChange?: (level: PartnerLevel) => void;
}) {
  const [value, setValue] = useState<PartnerLevel>(defaultValue);
  return (
    <fieldset aria-describedby={errorId} aria-invalid={invalid || undefined}>
      <legend className="text-sm font-medium text-slate-700">Permission level</legend>
      <p className="mt-0.5 text-[13px] text-slate-500">Every key the partner holds stays within this level.</p>
      <div className="mt-2 grid gap-2">
        {PARTNER_LEVELS.map((l) => {
          const allowed = planAllowsLevel(plan, l);
          return (
            <label
              key={l}
              className={cn(
                "flex cursor-pointer items-start gap-3 rounded-md px-3 py-2.5 ring-1 ring-inset",
                value === l ? "bg-brand-50 ring-brand-500" : "ring-slate-200 hover:bg-slate-50",
                !allowed && "cursor-not-allowed opacity-60",
              )}
            >
              <input
                type="radio"
                name="level"
                value={l}
                checked={value === l}
                disabled={!allowed}
                onChange={() => {
                  setValue(l);
                  onChange?.(l);
                }}
                aria-label={LEVEL_LABELS[l]}
                aria-describedby={`level-${l}-text`}
                className="mt-0.5 accent-brand-600"
              />
              <span className="min-w-0">
                <span className="flex items-center gap-2 text-sm font-medium text-slate-900">
                  {LEVEL_LABELS[l]}
                  {current === l ? <span className="text-xs font-normal text-slate-500">(current)</span> : null}
                </span>
                <span id={`level-${l}-text`} className="block text-[13px] text-slate-500">
                  {LEVEL_TEXT[l]}
                  {!allowed ? (plan === "free" ? " Needs a paid plan." : " Needs the professional plan.") : ""}
                </span>
                <span className="mt-1 block font-mono text-[11px] text-slate-400">{LEVEL_PERMISSIONS[l].join(" · ")}</span>
              </span>
            </label>
          );
        })}
      </div>
    </fieldset>
  );
}
