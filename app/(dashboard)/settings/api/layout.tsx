import { requireAdmin } from "@/lib/auth/session";
import { SettingsNav } from "@/components/dashboard/settings-nav";

// Owners and Admins only: an Agent gets the 403 page before anything of the key area renders.
export default async function ApiSettingsLayout({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <div>
      <div className="mb-8">
        <p className="text-sm font-medium text-slate-500">Settings</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-slate-900">API</h1>
        <div className="mt-5">
          <SettingsNav />
        </div>
      </div>
      {children}
    </div>
  );
}
