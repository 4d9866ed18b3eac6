import { listPendingApprovals } from "@/lib/approvals/list-approvals";
import { parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withActor } from "@/lib/http/with-actor";
import { listApprovalsQuerySchema } from "@/lib/validations/approval";

// GET /api/v2/approvals/GetApprovalNotComplete — pending approvals, newest first
export const GET = withActor(
  async ({ url, principal }) => {
    const q = parseInput(listApprovalsQuerySchema, searchParamsObject(url), "The query");
    return json(await listPendingApprovals(principal.organizationId, q.page, q.per_page));
  },
  { permission: "approvals:read" },
);
