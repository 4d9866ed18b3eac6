"use server";
// The partner's claim page: claims the link (once) and returns the key to show. No sign-in: the
// link's token is the credential, and any failure reads the same (nothing tells the cases apart).
import { z } from "zod";
import { publicAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { claimKey } from "@/lib/partners/claim-links";

export type ClaimState = ActionState & { secret?: string; keyName?: string; permissions?: string[]; rateLimit?: number; organizationName?: string };

export const claimKeyAction = publicAction
  .params(z.object({ token: z.string().min(1).max(200) }))
  .action<ClaimState>(async ({ ctx, params }) => {
    // a used, expired, replaced or unknown link is one ApiError with one message
    const r = await claimKey(params.token, ctx);
    return { ok: true, secret: r.secret, keyName: r.key.name, permissions: r.key.permissions as string[], rateLimit: r.rateLimit, organizationName: r.organizationName };
  });
