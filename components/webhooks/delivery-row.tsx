"use client";
// One delivery in the log: its summary row, and a disclosure that shows its attempts and payload.
import { useState } from "react";
import { ChevronDownIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";

export function DeliveryRow({ id, label, cells, details, actions }: { id: string; label: string; cells: React.ReactNode; details: React.ReactNode; actions: React.ReactNode }) {
  const [open, setOpen] = useState(false);
  const panelId = `delivery-${id}-details`;
  return (
    <>
      <tr className={cn("align-middle hover:bg-slate-50/60", open && "bg-slate-50/60")} data-testid="delivery-row" data-delivery-id={id}>
        <td className="w-8 py-2.5 pl-3">
          <button
            type="button"
            aria-expanded={open}
            aria-controls={panelId}
            aria-label={`${open ? "Hide" : "Show"} details of ${label}`}
            onClick={() => setOpen((o) => !o)}
            className="rounded p-1 text-slate-400 hover:bg-slate-100 hover:text-slate-700"
          >
            <ChevronDownIcon className={cn("transition-transform", open ? "rotate-0" : "-rotate-90")} />
          </button>
        </td>
        {cells}
        <td className="px-5 py-2.5 text-right">{actions}</td>
      </tr>
      <tr id={panelId} hidden={!open} className="bg-slate-50/60">
        <td colSpan={99} className="px-5 pt-1 pb-4">{open ? details : null}</td>
      </tr>
    </>
  );
}
