"use client";
// Presets (read / write / admin) or a fine-grained grid (resources × none / read / write),
// limited to what the organization's plan allows.
import { useState } from "react";
import { PRESETS, PRESET_PERMISSIONS, RESOURCES, type PlanName, type Preset } from "@/lib/keys/permissions";
import { planAllows, planRefusal } from "@/lib/plans/plan-rules";
import { cn } from "@/components/ui/cn";
import { gridOf, PermissionGrid } from "@/components/keys/permission-grid";

const PRESET_TEXT: Record<Preset, string> = {
  read: "Read articles, categories and approvals.",
  write: "Read and change articles, categories and approvals.",
  admin: "Everything, including team, keys, webhooks, usage, settings and the audit log.",
};

export function PermissionPicker({
  plan,
  initialPreset,
  initialPermissions,
  errorId,
  invalid,
}: {
  plan: PlanName;
  initialPreset?: Preset | null;
  initialPermissions?: readonly string[];
  errorId?: string;
  invalid?: boolean;
}) {
  const startCustom = initialPermissions !== undefined && !initialPreset;
  const [mode, setMode] = useState<"preset" | "custom">(startCustom ? "custom" : "preset");
  const presetAllowed = (p: Preset) => planRefusal(plan, PRESET_PERMISSIONS[p]) === null;
  const readOnly = !planAllows(plan, "articles:write");
  const [preset, setPreset] = useState<Preset>(initialPreset && presetAllowed(initialPreset) ? initialPreset : "read");
  const [grid, setGrid] = useState(() => gridOf(initialPermissions ?? PRESET_PERMISSIONS[preset], RESOURCES));

  return (
    <fieldset aria-describedby={errorId} aria-invalid={invalid || undefined}>
      <legend className="text-sm font-medium text-slate-700">Permissions</legend>
      <input type="hidden" name="access" value={mode} />
      <div role="radiogroup" aria-label="Permission mode" className="mt-2 inline-flex rounded-md bg-slate-100 p-0.5 text-sm">
        {(["preset", "custom"] as const).map((m) => (
          <button
            key={m}
            type="button"
            role="radio"
            aria-checked={mode === m}
            onClick={() => setMode(m)}
            className={cn("rounded px-3 py-1 font-medium", mode === m ? "bg-white text-slate-900 shadow-sm" : "text-slate-500 hover:text-slate-700")}
          >
            {m === "preset" ? "Preset" : "Fine-grained"}
          </button>
        ))}
      </div>

      {mode === "preset" ? (
        <div className="mt-3 grid gap-2">
          {PRESETS.map((p) => {
            const allowed = presetAllowed(p);
            return (
              <label
                key={p}
                className={cn(
                  "flex cursor-pointer items-start gap-3 rounded-md px-3 py-2.5 ring-1 ring-inset",
                  preset === p ? "bg-brand-50 ring-brand-500" : "ring-slate-200 hover:bg-slate-50",
                  !allowed && "cursor-not-allowed opacity-60",
                )}
              >
                <input type="radio" name="preset" value={p} checked={preset === p} disabled={!allowed} onChange={() => setPreset(p)} aria-label={p.charAt(0).toUpperCase() + p.slice(1)} aria-describedby={`preset-${p}-text`} className="mt-0.5 accent-brand-600" />
                <span>
                  <span className="block text-sm font-medium text-slate-900 capitalize">{p}</span>
                  <span id={`preset-${p}-text`} className="block text-[13px] text-slate-500">
                    {PRESET_TEXT[p]}
                    {!allowed ? " Needs the professional plan." : ""}
                  </span>
                </span>
              </label>
            );
          })}
        </div>
      ) : (
        <PermissionGrid
          className="mt-3"
          resources={RESOURCES}
          value={grid}
          onChange={setGrid}
          disabled={(r, l) => !planAllows(plan, `${r}:${l}`)}
          note={readOnly ? "The starter plan allows read permissions only." : null}
        />
      )}
    </fieldset>
  );
}
