"use client";
// Radix Dialog with the house look: a titled panel that scrolls within the viewport, and a footer
// that stays in view while it does (the actions of a long form on a phone).
import { Dialog as D } from "radix-ui";
import { XIcon } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";

export const Dialog = D.Root;
export const DialogTrigger = D.Trigger;
export const DialogClose = D.Close;

export function DialogContent({
  title,
  description,
  children,
  className,
  ...props
}: { title: React.ReactNode; description?: React.ReactNode; children: React.ReactNode; className?: string } & React.ComponentProps<typeof D.Content>) {
  return (
    <D.Portal>
      <D.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <D.Content
        {...props}
        className={cn(
          "fixed top-1/2 left-1/2 z-50 max-h-[90dvh] w-[calc(100vw-2rem)] max-w-lg -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-xl bg-white shadow-xl ring-1 ring-slate-200 focus:outline-none",
          className,
        )}
        {...(description ? {} : { "aria-describedby": undefined })}
      >
        <div className="flex items-start justify-between gap-4 border-b border-slate-200 px-6 py-4">
          <div>
            <D.Title className="text-base font-semibold text-slate-900">{title}</D.Title>
            {description ? <D.Description className="mt-1 text-sm text-slate-500">{description}</D.Description> : null}
          </div>
          <D.Close className="-mr-2 rounded-md p-1.5 text-slate-400 hover:bg-slate-100 hover:text-slate-600" aria-label="Close">
            <XIcon />
          </D.Close>
        </div>
        <div className="px-6 py-5">{children}</div>
      </D.Content>
    </D.Portal>
  );
}

/** The last child of the dialog's body (or of its form): sticks to the bottom of the scrolling panel. */
export function DialogFooter({ children }: { children: React.ReactNode }) {
  return <div className="sticky bottom-0 z-10 -mx-6 -mb-5 mt-6 flex flex-wrap justify-end gap-2 border-t border-slate-200 bg-slate-50 px-6 py-3 rounded-b-xl">{children}</div>;
}
