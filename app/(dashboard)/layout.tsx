import { requireMembership } from "@/lib/auth/session";
import { AppHeader } from "@/components/dashboard/app-header";
import { Toaster } from "@/components/ui/toast";
import { signOutAction, switchOrganization } from "@/lib/actions/session-actions";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const m = await requireMembership();
  return (
    <Toaster>
      <div className="min-h-screen">
        <AppHeader m={m} onSwitch={switchOrganization} onSignOut={signOutAction} />
        <main className="mx-auto max-w-6xl px-4 py-8 sm:px-6">{children}</main>
      </div>
    </Toaster>
  );
}
