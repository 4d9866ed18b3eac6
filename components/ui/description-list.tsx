// A card's details as label / value rows: stacked on a phone, the label beside its value from sm up.
import { cn } from "@/components/ui/cn";

// the grid is set on the rows from the list, so a row spans whatever label width its list has
const LABEL_WIDTHS = { third: "sm:*:grid-cols-3", quarter: "sm:*:grid-cols-4" } as const;

export function DescriptionList({ labelWidth = "third", children }: { labelWidth?: keyof typeof LABEL_WIDTHS; children: React.ReactNode }) {
  return <dl className={cn("divide-y divide-slate-100", LABEL_WIDTHS[labelWidth])}>{children}</dl>;
}

export function DescriptionItem({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="px-5 py-3 sm:grid sm:gap-4">
      <dt className="text-sm text-slate-500">{label}</dt>
      <dd className="mt-1 text-sm text-slate-900 sm:col-start-2 sm:-col-end-1 sm:mt-0">{children}</dd>
    </div>
  );
}
