import { ApiError } from "@/lib/http/problem";
import { urlProblem } from "@/lib/webhooks/ssrf-guard";

/** 400 on a URL the delivery worker would refuse (scheme, credentials, literal private address). */
export function assertWebhookUrl(url: string) {
  const problem = urlProblem(url);
  if (problem) throw new ApiError("invalid_request", "The request has invalid fields.", { errors: [{ path: "url", message: problem }] });
}
