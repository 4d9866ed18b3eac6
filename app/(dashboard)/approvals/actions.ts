"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { decideApproval } from "@/lib/approvals/approvals";
import { actorFor } from "@/lib/auth/actor";
import { requireMembership } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/problem";
import { updateApprovalStatusSchema } from "@/lib/validations/approval";

export type DecideState = { error?: string; done?: string } | null;

/** Any member may decide (the same rule and service as the API). */
export async function decideApprovalAction(_: DecideState, form: FormData): Promise<DecideState> {
  const m = await requireMembership();
  const parsed = updateApprovalStatusSchema.safeParse({
    id: form.get("id"),
    status: form.get("status"),
    comment: (form.get("comment") as string | null)?.trim() || null,
  });
  if (!parsed.success) return { error: z.prettifyError(parsed.error) };
  try {
    const a = await decideApproval(m.organization.id, parsed.data, await actorFor(m));
    revalidatePath("/approvals");
    return { done: `“${a.title}” ${a.status}.` };
  } catch (e) {
    if (e instanceof ApiError) return { error: e.message };
    throw e;
  }
}
