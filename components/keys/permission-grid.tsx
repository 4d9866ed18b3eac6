"use client";
// The fine-grained permission table (resources × none / read / write) of a key or a partner's key:
// one radio group per resource, named perm_<resource> as keyInputFromForm reads them.
import { RESOURCE_LEVELS, type Level, type Resource } from "@/lib/keys/permissions";
import { cn } from "@/components/ui/cn";

export type GridLevel = "none" | Level;
export type Grid = Partial<Record<Resource, GridLevel>>;

const COLUMNS = ["none", "read", "write"] as const;

/** Each resource's level in a permission list (write wins over read). */
export function gridOf(permissions: readonly string[], resources: readonly Resource[]): Grid {
  return Object.fromEntries(
    resources.map((r) => [r, permissions.includes(`${r}:write`) ? "write" : permissions.includes(`${r}:read`) ? "read" : "none"]),
  );
}

export function PermissionGrid({
  resources,
  value,
  onChange,
  disabled,
  note,
  className,
}: {
  resources: readonly Resource[];
  value: Grid;
  onChange: (next: Grid) => void;
  /** A level the plan (keys) or the partner's level (partner keys) does not allow: shown, not choosable. */
  disabled?: (resource: Resource, level: Level) => boolean;
  /** A line under the table (e.g. what the plan allows). */
  note?: React.ReactNode;
  className?: string;
}) {
  return (
    <div className={cn("overflow-hidden rounded-md ring-1 ring-slate-200", className)}>
      <table className="w-full text-sm">
        <thead className="bg-slate-50 text-xs text-slate-500">
          <tr>
            <th scope="col" className="px-3 py-2 text-left font-medium">Resource</th>
            {COLUMNS.map((l) => (
              <th key={l} scope="col" className="w-16 px-2 py-2 text-center font-medium capitalize">{l}</th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {resources.map((r) => (
            <tr key={r}>
              <th scope="row" className="px-3 py-1.5 text-left font-normal text-slate-700 capitalize">{r}</th>
              {COLUMNS.map((l) => {
                // a level the resource does not have (audit: write) is no choice at all
                if (l !== "none" && !RESOURCE_LEVELS[r].includes(l)) return <td key={l} className="px-2 py-1.5 text-center text-slate-300" aria-hidden>—</td>;
                return (
                  <td key={l} className="px-2 py-1.5 text-center">
                    <input
                      type="radio"
                      name={`perm_${r}`}
                      value={l}
                      aria-label={`${r}: ${l}`}
                      checked={value[r] === l}
                      disabled={l !== "none" && disabled?.(r, l)}
                      onChange={() => onChange({ ...value, [r]: l })}
                      className="accent-brand-600 disabled:opacity-30"
                    />
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {note ? <p className="bg-slate-50 px-3 py-2 text-xs text-slate-500">{note}</p> : null}
    </div>
  );
}
