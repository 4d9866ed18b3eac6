// Usage and last-used, counted in memory and written in batches: no database write per request.
// Flushed every few seconds, on demand (tests) and by the server's graceful shutdown (lib/server).
import "server-only";
import { db } from "@/lib/db";
import { log } from "@/lib/log";

type Bucket = { organizationId: string; keyId: string; hour: Date; success: number; clientError: number; rateLimited: number; serverError: number };
// times as epoch milliseconds: no Date is made per request (Next patches the Date constructor, which
// makes each one cost more than the rest of the counting); the flush turns them into Dates
type LastUse = { at: number; ip: string | null };

export const FLUSH_INTERVAL_MS = 5_000;

// On globalThis: one set of counters per process, however many bundles import this module
// (route handlers and pages are bundled apart), so a flush from a page writes what the API counted.
type State = { buckets: Map<string, Bucket>; secretUse: Map<string, LastUse>; keyUse: Map<string, number>; timer: NodeJS.Timeout | null; flushing: Promise<void> | null };
const g = globalThis as unknown as { keydeskUsage?: State };
const state: State = (g.keydeskUsage ??= { buckets: new Map(), secretUse: new Map(), keyUse: new Map(), timer: null, flushing: null });
const { buckets, secretUse, keyUse } = state;

export function hourOf(d: Date): Date {
  return new Date(Math.floor(d.getTime() / 3_600_000) * 3_600_000);
}

export function recordUsage(u: { organizationId: string; keyId: string; secretId: string; status: number; ip: string | null; at?: Date }) {
  const at = u.at ? u.at.getTime() : Date.now();
  const hourMs = Math.floor(at / 3_600_000) * 3_600_000;
  const id = `${u.keyId}|${hourMs}`;
  let b = buckets.get(id);
  if (!b) buckets.set(id, (b = { organizationId: u.organizationId, keyId: u.keyId, hour: new Date(hourMs), success: 0, clientError: 0, rateLimited: 0, serverError: 0 }));
  if (u.status === 429) b.rateLimited++;
  else if (u.status >= 500) b.serverError++;
  else if (u.status >= 400) b.clientError++;
  else b.success++;
  secretUse.set(u.secretId, { at, ip: u.ip });
  keyUse.set(u.keyId, at);
  if (!state.timer) {
    state.timer = setInterval(() => void flushUsage(), FLUSH_INTERVAL_MS);
    state.timer.unref();
  }
}

export function pendingUsage() {
  return { buckets: buckets.size, secrets: secretUse.size, keys: keyUse.size };
}

async function writeBatch() {
  const batch = [...buckets.values()];
  const secrets = [...secretUse.entries()];
  const keys = [...keyUse.entries()];
  buckets.clear();
  secretUse.clear();
  keyUse.clear();
  if (!batch.length && !secrets.length && !keys.length) return;
  try {
    await db.$transaction(async (tx) => {
      for (const b of batch) {
        const inc = { success: { increment: b.success }, clientError: { increment: b.clientError }, rateLimited: { increment: b.rateLimited }, serverError: { increment: b.serverError } };
        await tx.keyUsage.upsert({
          where: { keyId_hour: { keyId: b.keyId, hour: b.hour } },
          create: { organizationId: b.organizationId, keyId: b.keyId, hour: b.hour, success: b.success, clientError: b.clientError, rateLimited: b.rateLimited, serverError: b.serverError },
          update: inc,
        });
      }
      // A key or secret deleted (purged) meanwhile is simply skipped: updateMany matches nothing.
      for (const [id, u] of secrets) await tx.apiKeySecret.updateMany({ where: { id }, data: { lastUsedAt: new Date(u.at), lastUsedIp: u.ip } });
      for (const [id, at] of keys) await tx.apiKey.updateMany({ where: { id }, data: { lastUsedAt: new Date(at) } });
    });
  } catch (e) {
    // Put the counts back so the next flush retries them: usage is never silently lost.
    for (const b of batch) {
      const id = `${b.keyId}|${b.hour.getTime()}`;
      const cur = buckets.get(id);
      if (cur) {
        cur.success += b.success; cur.clientError += b.clientError; cur.rateLimited += b.rateLimited; cur.serverError += b.serverError;
      } else buckets.set(id, b);
    }
    for (const [id, u] of secrets) if (!secretUse.has(id)) secretUse.set(id, u);
    for (const [id, at] of keys) if (!keyUse.has(id)) keyUse.set(id, at);
    log.error({ err: e }, "usage flush failed; will retry");
  }
}

/** Writes what was counted so far. Concurrent calls share one flush. */
export async function flushUsage(): Promise<void> {
  while (state.flushing) await state.flushing;
  state.flushing = writeBatch().finally(() => (state.flushing = null));
  return state.flushing;
}

/** Stops the periodic flush and writes what is left (the server's shutdown calls it last). */
export async function stopUsageRecorder() {
  if (state.timer) clearInterval(state.timer);
  state.timer = null;
  await flushUsage();
}
