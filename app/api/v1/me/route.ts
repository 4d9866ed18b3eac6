import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { describeKey } from "@/lib/keys/describe-key";

// GET /api/v1/me — test your connection: the key, its organization and its rate limit state
export const GET = withApiKey(async ({ auth }) => json(await describeKey(auth)));
