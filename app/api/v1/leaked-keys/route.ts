import { clientIp } from "@/lib/net/client-ip";
import { parseBody } from "@/lib/http/parse-body";
import { ApiError } from "@/lib/http/problem";
import { tryAgainIn } from "@/lib/http/try-again";
import { json } from "@/lib/http/respond";
import { withPublic } from "@/lib/http/with-public";
import { log } from "@/lib/log";
import { reportLeakedKey } from "@/lib/keys/report-leaked-key";
import { takeLeakReport } from "@/lib/secret-scanning/leak-report-limiter";
import { leakReportSchema } from "@/lib/validations/leak-report";

// POST /api/v1/leaked-keys — report a Keydesk key found in public; no credential, always 202
export const POST = withPublic(async ({ req }) => {
  const wait = await takeLeakReport(clientIp(req.headers));
  if (wait) throw new ApiError("rate_limited", `Too many reports from this address. ${tryAgainIn(wait)}`, {}, { "Retry-After": String(wait) });
  const input = await parseBody(req, leakReportSchema);
  // handled after the answer, so neither the answer nor its timing tells whether the key was valid
  void reportLeakedKey(input.key, { url: input.url, source: input.source, reporter: "report" }).catch((err) => log.error({ err }, "a leak report failed"));
  return json({ status: "received", detail: "Thank you. If this is a live Keydesk key, its owners have been told." }, 202);
});
