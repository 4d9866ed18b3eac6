"use server";
// Deciding an approval from the dashboard: any member (the same rule and service as the API).
import { memberAction } from "@/lib/actions/action-client";
import type { ActionState } from "@/lib/actions/action-state";
import { decideApproval } from "@/lib/approvals/decide-approval";
import { updateApprovalStatusSchema } from "@/lib/validations/approval";

export const decideApprovalAction = memberAction
  .input(updateApprovalStatusSchema, { from: (fd) => ({ id: fd.get("id"), status: fd.get("status"), comment: (fd.get("comment") as string | null)?.trim() || null }) })
  .revalidate(() => ["/approvals"])
  .action<ActionState>(async ({ ctx, input }) => {
    const a = await decideApproval(ctx.m.organization.id, input, ctx.actor);
    return { ok: true, message: `“${a.title}” ${a.status}.` };
  });
