import { cn } from "@/components/ui/cn";

export function Input({ className, ...props }: React.ComponentProps<"input">) {
  return (
    <input
      className={cn(
        "block h-9 w-full rounded-md border-0 bg-white px-3 text-sm text-slate-900 shadow-sm ring-1 ring-inset ring-slate-300 placeholder:text-slate-400",
        "focus:ring-2 focus:ring-inset focus:ring-brand-500 focus:outline-none aria-invalid:ring-red-500 disabled:bg-slate-50 disabled:text-slate-500",
        className,
      )}
      {...props}
    />
  );
}

export function Label({ className, ...props }: React.ComponentProps<"label">) {
  return <label className={cn("block text-sm font-medium text-slate-700", className)} {...props} />;
}

/** An error tied to its input with aria-describedby={id}. */
export function FieldError({ id, errors }: { id: string; errors?: string[] | string | null }) {
  const list = !errors ? [] : Array.isArray(errors) ? errors : [errors];
  return (
    <div id={id} aria-live="polite" className="min-h-0">
      {list.map((e) => (
        <p key={e} className="mt-1.5 text-[13px] text-red-600">
          {e}
        </p>
      ))}
    </div>
  );
}

/** The form-level error of a server action (what no single field owns), announced to screen readers. */
export function FormAlert({ label, message, className }: { label: string; message?: string | null; className?: string }) {
  if (!message) return null;
  return (
    <p role="alert" aria-label={label} className={cn("rounded-md bg-red-50 px-3 py-2 text-sm text-red-700 ring-1 ring-inset ring-red-600/20", className)}>
      {message}
    </p>
  );
}
