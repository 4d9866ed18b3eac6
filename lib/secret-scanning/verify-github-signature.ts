// GitHub signs each secret-scanning report: ECDSA P-256 with SHA-256 over the raw body, the signature
// base64 DER in Github-Public-Key-Signature, the key named by Github-Public-Key-Identifier.
import crypto from "node:crypto";
import { ApiError } from "@/lib/http/problem";
import { githubScanningKey } from "@/lib/secret-scanning/github-keys";

export async function verifyGithubSignature(headers: Headers, rawBody: string) {
  const id = headers.get("github-public-key-identifier");
  const signature = headers.get("github-public-key-signature");
  if (!id || !signature) throw new ApiError("invalid_signature", "Send Github-Public-Key-Identifier and Github-Public-Key-Signature.");
  const key = await githubScanningKey(id);
  if (!key) throw new ApiError("invalid_signature", "The signing key identifier is not one of GitHub's secret-scanning keys.");
  let ok = false;
  try {
    ok = crypto.verify("sha256", Buffer.from(rawBody, "utf8"), { key, dsaEncoding: "der" }, Buffer.from(signature, "base64"));
  } catch {
    ok = false;
  }
  if (!ok) throw new ApiError("invalid_signature", "The signature does not match the body.");
}
