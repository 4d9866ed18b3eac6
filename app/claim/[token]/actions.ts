"use server";
import { headers } from "next/headers";
import { clientIp } from "@/lib/net/client-ip";
import { ApiError } from "@/lib/http/problem";
import { claimKey } from "@/lib/partners/claim-links";

export type ClaimState =
  | { ok: true; secret: string; keyName: string; permissions: string[]; rateLimit: number; organizationName: string }
  | { ok: false }
  | null;

/** Claims the link (once) and returns the key to show; any failure reads the same. */
export async function claimKeyAction(_: ClaimState, form: FormData): Promise<ClaimState> {
  const token = form.get("token");
  if (typeof token !== "string") return { ok: false };
  const h = await headers();
  try {
    const r = await claimKey(token, { ip: clientIp(h), userAgent: h.get("user-agent") });
    return { ok: true, secret: r.secret, keyName: r.key.name, permissions: r.key.permissions as string[], rateLimit: r.rateLimit, organizationName: r.organizationName };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false };
    throw e;
  }
}
