import { redirect } from "next/navigation";
import { isAdminRole } from "@/lib/auth/roles";
import { requireMembership } from "@/lib/auth/session";

// The landing page after sign-in: API settings for Owners and Admins, the desk's approvals for Agents.
export default async function Home() {
  const m = await requireMembership();
  redirect(isAdminRole(m.role) ? "/settings/api" : "/approvals");
}
