import { decideApproval } from "@/lib/approvals/decide-approval";
import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withActor } from "@/lib/http/with-actor";
import { updateApprovalStatusSchema } from "@/lib/validations/approval";

// POST /api/v2/approvals/UpdateApprovalStatus — approve or reject a pending approval (409 if decided)
export const POST = withActor(
  async ({ req, principal }) => json(await decideApproval(principal.organizationId, await parseBody(req, updateApprovalStatusSchema), principal.actor)),
  { permission: "approvals:write" },
);
