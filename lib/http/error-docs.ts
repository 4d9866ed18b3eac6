// What each problem code means and what to do about it: rendered at /docs/errors#<code>.
import type { ProblemCode } from "@/lib/http/problem";

export const errorDocs: Record<ProblemCode, { when: string; fix: string }> = {
  invalid_request: { when: "The body is not JSON, a field has the wrong type, a required field is missing, an unknown field was sent, or a query parameter is out of range. `errors` lists each problem with its `path`.", fix: "Correct the fields named in `errors` and send again." },
  missing_api_key: { when: "No key was sent where one is required, or the organization requires an API key for every request.", fix: "Send `Authorization: Bearer kd_...`, `X-API-Key: kd_...` or `?api_key=kd_...`." },
  invalid_api_key: { when: "The key is unknown, malformed, fails its checksum, was deleted, or was sent in the query string where the organization turned that off.", fix: "Check that the key was copied whole; ask an admin for a new one if it was deleted." },
  expired_api_key: { when: "The key is past its expiry, or this secret was rotated out (its grace period ended or it was retired).", fix: "Use the key's newest secret, or ask an admin to extend the key's expiry." },
  leaked_api_key: { when: "This secret was found in public (by GitHub's secret scanning or a report to Keydesk) and the organization revokes leaked secrets. The key's other secrets, if any, still work.", fix: "Create a new key (or rotate this one) and remove the leaked secret from wherever it was published." },
  disabled_api_key: { when: "The key is paused, by itself or because its partner is paused. A paused key counts no usage.", fix: "Ask an admin to resume the key (Settings → API, or PATCH /api/v1/keys/{id} with `disabled: false`)." },
  invalid_signature: { when: "A request that must be signed (GitHub's secret-scanning reports) had no signature, an unknown key identifier, or a signature that does not match the body.", fix: "Send the body exactly as signed, with `Github-Public-Key-Identifier` and `Github-Public-Key-Signature`." },
  unauthorized: { when: "A desk token or session was required and is missing, revoked or expired.", fix: "Sign in, or mint a new desk token from your profile." },
  insufficient_permissions: { when: "The key lacks the permission the endpoint needs; `required` names it. A key also cannot grant or manage permissions it does not hold.", fix: "Ask an admin to add the permission named in `required` to the key." },
  plan_required: { when: "The organization's plan does not include this: free has no keyed access, starter allows reads only. `required_plan` names the plan needed.", fix: "Upgrade the organization's plan." },
  forbidden: { when: "A signed-in user's role does not allow this, or a cookie-authenticated write came from another origin.", fix: "Ask an owner or admin; from scripts, use a desk token or an API key." },
  ip_not_allowed: { when: "The key has an IP allowlist and the request came from an address outside it. `ip` names the address Keydesk saw (behind a proxy: the first untrusted hop).", fix: "Call from an allowed address, or ask an admin to add this one to the key's allowed IPs." },
  not_found: { when: "The object does not exist, or belongs to another organization (the two are not told apart).", fix: "Check the id." },
  method_not_allowed: { when: "The path exists but does not answer this HTTP method. `Allow` lists the methods it answers.", fix: "Use one of the methods in `Allow` (the API reference lists each path's operations)." },
  conflict: { when: "The change clashes with the object's state: deciding an approval already decided, a third live secret on a key, revealing a show-once secret, changing a deleted key.", fix: "Reload the object and act on its current state (e.g. retire the old secret first)." },
  payload_too_large: { when: "The request body is over 1 MiB.", fix: "Send a smaller body." },
  unsupported_media_type: { when: "The body is not JSON.", fix: "Send `Content-Type: application/json`." },
  request_header_too_large: { when: "The request line and headers together are over 16 KiB (a very long URL or cookie).", fix: "Send long values in a JSON body, or drop the cookies the API does not need." },
  rate_limited: { when: "The key made more requests this hour than its limit (1000 by default). `Retry-After` says how many seconds until the window resets.", fix: "Wait `Retry-After` seconds, or ask an admin to raise the key's limit." },
  service_unavailable: { when: "Something Keydesk depends on for this request could not be reached (e.g. GitHub's published keys for verifying a secret-scanning report).", fix: "Retry later; GitHub retries its reports on its own." },
  internal_error: { when: "Something failed on our side. The answer names a request id and nothing else.", fix: "Retry; if it persists, quote the request id when asking for help." },
};
