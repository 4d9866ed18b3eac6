// The frame of pages people reach from an email without signing in (claim link, invitation,
// password reset): Keydesk's mark above one card, so they can tell where they are.
import { Logo } from "@/components/ui/icons";
import { cn } from "@/components/ui/cn";

export function PublicPage({ children, width = "max-w-lg" }: { children: React.ReactNode; width?: "max-w-sm" | "max-w-lg" }) {
  return (
    <main className="flex min-h-screen flex-col items-center justify-center bg-slate-50 px-4 py-10">
      <div className="mb-6 flex items-center gap-2 text-sm font-semibold text-slate-900">
        <Logo />
        Keydesk
      </div>
      <div className={cn("w-full min-w-0 rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200 sm:p-8", width)}>{children}</div>
    </main>
  );
}
