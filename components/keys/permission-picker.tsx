"use client";
// Presets (read / write / admin) or a fine-grained grid (resources × none / read / write),
// limited to what the organization's plan allows.
import { useState } from "react";
import { PRESETS, PRESET_PERMISSIONS, RESOURCES, RESOURCE_LEVELS, type Permission, type PlanName, type Preset, type Resource } from "@/lib/keys/permissions";
import { planAllows, planRefusal } from "@/lib/plans/plan-rules";
import { cn } from "@/components/ui/cn";

const PRESET_TEXT: Record<Preset, string> = {
  read: "Read articles, categories and approvals.",
  write: "Read and change articles, categories and approvals.",
  admin: "Everything, including team, keys, webhooks, usage, settings and the audit log.",
};

function levelOf(perms: readonly string[], r: Resource): "none" | "read" | "write" {
  if (perms.includes(`${r}:write`)) return "write";
  if (perms.includes(`${r}:read`)) return "read";
  return "none";
}

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
  const [grid, setGrid] = useState<Record<Resource, "none" | "read" | "write">>(() => {
    const source = initialPermissions ?? PRESET_PERMISSIONS[preset];
    return Object.fromEntries(RESOURCES.map((r) => [r, levelOf(source, r)])) as Record<Resource, "none" | "read" | "write">;
  });

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
        <div className="mt-3 overflow-hidden rounded-md ring-1 ring-slate-200">
          <table className="w-full text-sm">
            <thead className="bg-slate-50 text-xs text-slate-500">
              <tr>
                <th scope="col" className="px-3 py-2 text-left font-medium">Resource</th>
                {(["none", "read", "write"] as const).map((l) => (
                  <th key={l} scope="col" className="w-16 px-2 py-2 text-center font-medium capitalize">{l}</th>
                ))}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {RESOURCES.map((r) => (
                <tr key={r}>
                  <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700 capitalize">{r}</th>
                  {(["none", "read", "write"] as const).map((l) => {
                    // a level the resource does not have (audit: write) is no choice at all
                    if (l !== "none" && !RESOURCE_LEVELS[r].includes(l)) return <td key={l} className="px-2 py-1.5 text-center text-slate-300" aria-hidden>—</td>;
                    const disabled = l !== "none" && !planAllows(plan, `${r}:${l}` as Permission);
                    return (
                      <td key={l} className="px-2 py-1.5 text-center">
                        <input
                          type="radio"
                          name={`perm_${r}`}
                          value={l}
                          aria-label={`${r}: ${l}`}
                          checked={grid[r] === l}
                          disabled={disabled}
                          onChange={() => setGrid((g) => ({ ...g, [r]: l }))}
                          className="accent-brand-600"
                        />
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
          {readOnly ? <p className="bg-slate-50 px-3 py-2 text-xs text-slate-500">The starter plan allows read permissions only.</p> : null}
        </div>
      )}
    </fieldset>
  );
}
