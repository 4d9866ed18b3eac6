// A labelled input with its error under it, tied together for screen readers (aria-invalid,
// aria-describedby): the forms of the account and team screens are built from these.
import { FieldError, Input, Label } from "@/components/ui/input";

export function TextField({
  name, label, errors, hint, className, ...input
}: { name: string; label: string; errors?: string[]; hint?: string; className?: string } & Omit<React.ComponentProps<"input">, "name" | "id">) {
  const id = `field-${name}`;
  const described = [hint ? `${id}-hint` : null, errors?.length ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <Label htmlFor={id}>{label}</Label>
      <Input id={id} name={name} className="mt-1.5" aria-invalid={errors?.length ? true : undefined} aria-describedby={described} {...input} />
      {hint ? <p id={`${id}-hint`} className="mt-1 text-xs text-slate-500">{hint}</p> : null}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
