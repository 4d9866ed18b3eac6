import { parseInput, searchParamsObject } from "@/lib/http/parse-body";
import { json } from "@/lib/http/respond";
import { withApiKey } from "@/lib/http/with-api-key";
import { getUsage } from "@/lib/usage/get-usage";
import { usageQuerySchema } from "@/lib/validations/usage";

// GET /api/v1/usage?key_id=&from=&to= — hourly request counts by outcome
export const GET = withApiKey(
  async ({ url, auth }) => json(await getUsage(auth.org.id, parseInput(usageQuerySchema, searchParamsObject(url), "The query"))),
  { permission: "usage:read" },
);
