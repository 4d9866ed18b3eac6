// The head of a data table: a grey band of column names. Columns at the table's edges line up with
// the card's padding (px-5), the ones between are tighter (px-3); numbers align right.
import { cn } from "@/components/ui/cn";

export function TableHead({ children }: { children: React.ReactNode }) {
  return (
    <thead className="border-b border-slate-200 bg-slate-50 text-left text-xs text-slate-500">
      <tr>{children}</tr>
    </thead>
  );
}

export function HeaderCell({
  children,
  edge,
  narrow,
  align,
  srOnly,
}: {
  children: React.ReactNode;
  /** The first or last column. */
  edge?: boolean;
  /** A narrow leading column (a row's disclosure button). */
  narrow?: boolean;
  align?: "right";
  /** A name for screen readers only (e.g. the column of row actions). */
  srOnly?: boolean;
}) {
  return (
    <th scope="col" className={cn(narrow ? "w-8 pl-3" : edge ? "px-5" : "px-3", "py-2.5 font-medium", align === "right" && "text-right")}>
      {srOnly ? <span className="sr-only">{children}</span> : children}
    </th>
  );
}

/** The last cell of a row: its action buttons, right-aligned. */
export function ActionsCell({ children }: { children?: React.ReactNode }) {
  return (
    <td className="px-5 py-3">
      {children ? <div className="flex justify-end gap-2">{children}</div> : null}
    </td>
  );
}
