import { readLimited } from "@/lib/http/parse-body";
import { ApiError } from "@/lib/http/problem";
import { json } from "@/lib/http/respond";
import { withPublic } from "@/lib/http/with-public";
import { processGithubReport } from "@/lib/secret-scanning/process-github-report";
import { verifyGithubSignature } from "@/lib/secret-scanning/verify-github-signature";

// POST /api/secret-scanning/github — GitHub's secret-scanning partner reports (signed by GitHub)
export const POST = withPublic(async ({ req }) => {
  const raw = await readLimited(req);
  await verifyGithubSignature(req.headers, raw);
  let body: unknown;
  try {
    body = JSON.parse(raw);
  } catch {
    throw new ApiError("invalid_request", "The body is not valid JSON.");
  }
  return json(await processGithubReport(body));
});
