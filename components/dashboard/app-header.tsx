import Link from "next/link";
import type { CurrentMembership } from "@/lib/auth/session";
import { Logo } from "@/components/ui/icons";
import { MainNav } from "@/components/dashboard/main-nav";
import { OrgSwitcher } from "@/components/dashboard/org-switcher";
import { UserMenu } from "@/components/dashboard/user-menu";

export function AppHeader({ m, onSwitch, onSignOut }: { m: CurrentMembership; onSwitch: (id: string) => Promise<unknown>; onSignOut: () => Promise<unknown> }) {
  const current = m.memberships.find((x) => x.organizationId === m.organization.id)!;
  return (
    <header className="sticky top-0 z-30 border-b border-slate-200 bg-white/90 backdrop-blur">
      <div className="mx-auto flex h-14 max-w-6xl items-center gap-3 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-sm font-semibold text-slate-900" aria-label="Keydesk home">
          <Logo />
          <span className="hidden sm:inline">Keydesk</span>
        </Link>
        <span className="text-slate-300" aria-hidden>/</span>
        <OrgSwitcher current={current} memberships={m.memberships} onSwitch={onSwitch} />
        <MainNav isAdmin={m.role === "owner" || m.role === "admin"} />
        <div className="ml-auto">
          <UserMenu name={m.user.name} email={m.user.email} role={m.role} onSignOut={onSignOut} />
        </div>
      </div>
    </header>
  );
}
