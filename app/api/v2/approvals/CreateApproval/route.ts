import { createApproval } from "@/lib/approvals/create-approval";
import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withActor } from "@/lib/http/with-actor";
import { createApprovalSchema } from "@/lib/validations/approval";

// POST /api/v2/approvals/CreateApproval — ask for an approval
export const POST = withActor(
  async ({ req, principal }) => json(await createApproval(principal.organizationId, await parseBody(req, createApprovalSchema), principal.actor), 201),
  { permission: "approvals:write" },
);
