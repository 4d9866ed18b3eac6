// Housekeeping: records `key.expiring` 14 days and 1 day before a key expires, once each. The event
// id is derived from the key, the warning and the expiry, so a second check (or a second process)
// finds it taken.
import "server-only";
import { db } from "@/lib/db";
import { keyInclude, serializeKey } from "@/lib/keys/serialize-key";
import { recordWebhookEvent } from "@/lib/webhooks/events";
import { clockOf, type WorkerOptions } from "@/lib/webhooks/worker-options";

const DAY = 24 * 3600e3;
export const EXPIRY_WARNINGS_DAYS = [14, 1] as const;

export async function checkExpiringKeys(options: WorkerOptions = {}): Promise<number> {
  const t = clockOf(options)();
  const keys = await db.apiKey.findMany({
    where: { deletedAt: null, expiresAt: { gt: t, lte: new Date(t.getTime() + EXPIRY_WARNINGS_DAYS[0] * DAY) } },
    include: keyInclude,
  });
  const wanted = keys.map((k) => {
    const expiresAt = k.expiresAt!;
    const days = expiresAt.getTime() - t.getTime() <= DAY ? 1 : 14;
    return { k, expiresAt, eventId: `evt_expiring_${k.id}_${days}d_${expiresAt.getTime().toString(36)}` };
  });
  if (wanted.length === 0) return 0;
  const taken = new Set((await db.webhookEvent.findMany({ where: { id: { in: wanted.map((w) => w.eventId) } }, select: { id: true } })).map((e) => e.id));
  let recorded = 0;
  for (const w of wanted) {
    if (taken.has(w.eventId)) continue;
    try {
      await db.$transaction((tx) =>
        recordWebhookEvent(tx, {
          organizationId: w.k.organizationId, type: "key.expiring", eventId: w.eventId, now: t,
          // the key as the API shows it, plus whole days left (rounded up)
          data: { ...serializeKey(w.k), expires_in_days: Math.ceil((w.expiresAt.getTime() - t.getTime()) / DAY) },
        }),
      );
      recorded++;
    } catch (e) {
      if ((e as { code?: string }).code !== "P2002") throw e; // another process recorded it first
    }
  }
  return recorded;
}
