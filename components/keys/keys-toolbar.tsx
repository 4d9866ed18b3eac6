"use client";
// Search, status and sort for the key list, kept in the URL (shareable, back button works).
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { Input } from "@/components/ui/input";
import { ALL_PERMISSIONS } from "@/lib/keys/permissions";
import { DEFAULT_KEY_SORT, KEY_SORT_LABELS, KEY_SORT_NAMES } from "@/lib/keys/key-sorts";

const selectClass = "h-9 rounded-md border-0 bg-white px-2.5 text-sm text-slate-700 shadow-sm ring-1 ring-inset ring-slate-300 focus:ring-2 focus:ring-brand-500 focus:outline-none";

export function KeysToolbar() {
  const params = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const [, start] = useTransition();
  const [q, setQ] = useState(params.get("q") ?? "");

  const set = (patch: Record<string, string | null>) => {
    const next = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(patch)) {
      if (v) next.set(k, v);
      else next.delete(k);
    }
    next.delete("page");
    next.delete("deleted");
    start(() => router.replace(`${pathname}?${next.toString()}`));
  };

  useEffect(() => {
    if (q === (params.get("q") ?? "")) return;
    const t = setTimeout(() => set({ q: q.trim() || null }), 250);
    return () => clearTimeout(t);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [q]);

  return (
    <div className="flex flex-wrap items-center gap-2 border-b border-slate-200 px-5 py-3">
      <div className="w-full max-w-xs"><Input type="search" aria-label="Search keys by name" placeholder="Search by name…" value={q} onChange={(e) => setQ(e.target.value)} /></div>
      <select aria-label="Preset" className={selectClass} value={params.get("perm") ?? ""} onChange={(e) => set({ perm: e.target.value || null })}>
        <option value="">Any preset</option>
        <option value="read">Read preset</option>
        <option value="write">Write preset</option>
        <option value="admin">Admin preset</option>
        <option value="custom">Fine-grained</option>
      </select>
      <select aria-label="Holds permission" className={selectClass} value={params.get("holds") ?? ""} onChange={(e) => set({ holds: e.target.value || null })}>
        <option value="">Holds any permission</option>
        {ALL_PERMISSIONS.map((p) => (
          <option key={p} value={p}>Holds {p}</option>
        ))}
      </select>
      <select aria-label="Sort" className={selectClass} value={params.get("sort") ?? DEFAULT_KEY_SORT} onChange={(e) => set({ sort: e.target.value === DEFAULT_KEY_SORT ? null : e.target.value })}>
        {KEY_SORT_NAMES.map((s) => (
          <option key={s} value={s}>{KEY_SORT_LABELS[s]}</option>
        ))}
      </select>
    </div>
  );
}
