import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { listMembers } from "@/lib/team/list-members";

// GET /api/v1/team — members and open invitations
export const GET = withApiKey(async ({ auth }) => json(await listMembers(auth.org.id)), { permission: "team:read" });
