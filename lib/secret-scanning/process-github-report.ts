// A batch from GitHub's secret scanning: every token is looked at (one query for the whole batch
// finds the few that are ours), live ones are handled as leaks, and the answer is GitHub's feedback:
// one label per token.
import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { parseInput } from "@/lib/http/parse-body";
import { hashKey, isWellFormedKey } from "@/lib/keys/key-format";
import { reportLeakedKey, type LeakLabel } from "@/lib/keys/report-leaked-key";

export const MAX_GITHUB_BATCH = 1000;
export const GITHUB_TOKEN_TYPE = "keydesk_api_key";

export const githubReportSchema = z
  .array(z.object({ token: z.string().max(1000), type: z.string().max(200).optional(), url: z.string().max(2000).optional(), source: z.string().max(200).optional() }).loose())
  .max(MAX_GITHUB_BATCH);

export type GithubFeedback = { token_hash: string; token_type: string; label: LeakLabel }[];

export async function processGithubReport(body: unknown): Promise<GithubFeedback> {
  const items = parseInput(githubReportSchema, body, "The report");
  const hashes = items.map((i) => hashKey(i.token));
  const candidates = hashes.filter((_, n) => isWellFormedKey(items[n]!.token));
  const ours = new Set(candidates.length ? (await db.apiKeySecret.findMany({ where: { hash: { in: candidates } }, select: { hash: true } })).map((r) => r.hash) : []);
  const out: GithubFeedback = [];
  for (let n = 0; n < items.length; n++) {
    const item = items[n]!;
    const label: LeakLabel = ours.has(hashes[n]!) ? await reportLeakedKey(item.token, { url: item.url, source: item.source ?? "github", reporter: "github" }) : "false_positive";
    out.push({ token_hash: hashes[n]!, token_type: GITHUB_TOKEN_TYPE, label });
  }
  return out;
}
