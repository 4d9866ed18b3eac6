// The audit Actor for the signed-in user of this request: who, from which IP, with which browser.
import { headers } from "next/headers";
import type { Actor } from "@/lib/audit/actor";
import { clientIp } from "@/lib/net/client-ip";
import type { CurrentMembership } from "@/lib/auth/session";

export async function actorFor(membership: Pick<CurrentMembership, "user">): Promise<Actor> {
  const h = await headers();
  return {
    type: "user",
    id: membership.user.id,
    label: membership.user.email,
    ip: clientIp(h),
    userAgent: h.get("user-agent"),
  };
}
