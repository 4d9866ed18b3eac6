import { redirect } from "next/navigation";
import { requireMembership } from "@/lib/auth/session";

export default async function Home() {
  await requireMembership();
  redirect("/settings/api");
}
