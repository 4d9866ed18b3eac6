"use client";
// The pieces every dialog with a form repeats: the shell (trigger, open state, a fresh form at each
// opening), the server action's state, the form (form-level error, Cancel / Submit with its pending
// label) and the view that follows success (a secret shown once, a mail that failed, Done).
import { useActionState, useState } from "react";
import { ActionForm } from "@/components/ui/action-form";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogFooter, DialogTrigger } from "@/components/ui/dialog";
import { FormAlert } from "@/components/ui/input";

/**
 * A trigger and the dialog it opens. The body mounts only while the dialog is open, so each opening
 * starts from an empty form state; `close` shuts it from the body (after a successful save).
 */
export function FormDialog({ trigger, onClosed, children }: {
  trigger: React.ReactElement;
  /** Runs whenever the dialog closes (e.g. refresh the list once a new secret is out of sight). */
  onClosed?: () => void;
  children: (close: () => void) => React.ReactNode;
}) {
  const [open, setOpen] = useState(false);
  const change = (o: boolean) => {
    setOpen(o);
    if (!o) onClosed?.();
  };
  return (
    <Dialog open={open} onOpenChange={change}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      {open ? children(() => change(false)) : null}
    </Dialog>
  );
}

/** What a dialog's form runs: the server action's state, its dispatcher and whether it is pending. */
export type DialogAction<S> = { state: S; action: (fd: FormData) => void; pending: boolean };

/** useActionState from an empty state; `onResult` sees each answer (a toast and `close` on success). */
export function useDialogAction<S extends object>(action: (prev: S, fd: FormData) => Promise<S>, onResult?: (next: S) => void): DialogAction<Awaited<S>> {
  const [state, dispatch, pending] = useActionState<S, FormData>(async (prev, fd) => {
    const next = await action(prev as S, fd);
    onResult?.(next);
    return next;
  }, {} as Awaited<S>);
  return { state, action: dispatch, pending };
}

/**
 * The dialog's form: hidden fields, the form-level error (a failure's message), the fields, and a
 * footer that stays in view while the fields scroll (a long form on a phone).
 */
export function DialogForm({
  title,
  description,
  className,
  form,
  errorLabel,
  fields,
  submitLabel,
  pendingLabel,
  submitVariant = "primary",
  cancel,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  /** The dialog's width, e.g. max-w-2xl. */
  className?: string;
  form: DialogAction<{ ok?: boolean; message?: string }>;
  /** The accessible name of the error banner, e.g. "Edit key error". */
  errorLabel: string;
  fields?: Record<string, string>;
  submitLabel: string;
  pendingLabel: string;
  submitVariant?: ButtonProps["variant"];
  /** Replaces Cancel (e.g. a Back button on a confirmation step). */
  cancel?: React.ReactNode;
  children?: React.ReactNode;
}) {
  return (
    <DialogContent title={title} description={description} className={className}>
      <ActionForm action={form.action} className="space-y-5" noValidate>
        {Object.entries(fields ?? {}).map(([k, v]) => <input key={k} type="hidden" name={k} value={v} />)}
        <FormAlert label={errorLabel} message={form.state.ok ? undefined : form.state.message} />
        {children}
        <DialogFooter>
          {cancel ?? (
            <DialogClose asChild>
              <Button type="button" variant="secondary">Cancel</Button>
            </DialogClose>
          )}
          <Button type="submit" variant={submitVariant} disabled={form.pending}>{form.pending ? pendingLabel : submitLabel}</Button>
        </DialogFooter>
      </ActionForm>
    </DialogContent>
  );
}

/** What the dialog shows after success: the result, other actions, and Done (or `done`) to close. */
export function DialogResult({
  title,
  description,
  className,
  persistent,
  actions,
  done = <Button>Done</Button>,
  children,
}: {
  title: string;
  description?: React.ReactNode;
  className?: string;
  /** A secret shown once: a click outside must not dismiss it. */
  persistent?: boolean;
  actions?: React.ReactNode;
  done?: React.ReactElement;
  children: React.ReactNode;
}) {
  return (
    <DialogContent title={title} description={description} className={className} onInteractOutside={persistent ? (e) => e.preventDefault() : undefined}>
      {children}
      <DialogFooter>
        {actions}
        <DialogClose asChild>{done}</DialogClose>
      </DialogFooter>
    </DialogContent>
  );
}
