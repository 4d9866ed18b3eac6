"use client";
// A form that dispatches its server action in a transition instead of through `action=`: React
// resets a form after an `action=` submission, which would wipe what the user typed whenever the
// server answers with field errors.
import { startTransition } from "react";

export function ActionForm({ action, children, ...props }: Omit<React.ComponentProps<"form">, "action" | "onSubmit"> & { action: (fd: FormData) => void }) {
  return (
    <form
      {...props}
      onSubmit={(e) => {
        e.preventDefault();
        const fd = new FormData(e.currentTarget);
        startTransition(() => action(fd));
      }}
    >
      {children}
    </form>
  );
}
