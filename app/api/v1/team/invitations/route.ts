import { granterOf } from "@/lib/auth/grants";
import { parseBody } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { inviteMember } from "@/lib/team/invite-member";
import { inviteMemberSchema } from "@/lib/validations/team";

// POST /api/v1/team/invitations — invite by email (a sign-up link that expires)
export const POST = withApiKey(
  async ({ req, auth }) => json(await inviteMember(auth.org.id, await parseBody(req, inviteMemberSchema), auth.actor, granterOf(auth)), 201),
  { permission: "team:write" },
);
