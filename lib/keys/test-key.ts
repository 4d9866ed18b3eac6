// "Test now" after a key is created or rotated: the server calls GET /api/v1/me with the new key, as
// a client would, and reports what came back.
import "server-only";
import { env } from "@/lib/env";
import { isWellFormedKey } from "@/lib/keys/key-format";
import type { TestResult } from "@/lib/actions/action-state";

export async function testKey(secret: unknown): Promise<TestResult> {
  if (typeof secret !== "string" || !isWellFormedKey(secret)) return { error: "That is not a Keydesk API key." };
  try {
    const res = await fetch(new URL("/api/v1/me", env.selfUrl), { headers: { Authorization: `Bearer ${secret}` }, cache: "no-store", signal: AbortSignal.timeout(10_000) });
    const text = await res.text();
    let body = text;
    try {
      body = JSON.stringify(JSON.parse(text), null, 2);
    } catch {
      /* not JSON: show as is */
    }
    return { status: res.status, body: body.slice(0, 4000) };
  } catch (e) {
    return { error: `The request failed: ${(e as Error).message}` };
  }
}
