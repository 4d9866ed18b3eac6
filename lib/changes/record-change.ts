// Appends to the change feed inside the caller's transaction: the row commits with the change or not
// at all, so no process can miss a committed change or drop its cache for one that rolled back.
// On PostgreSQL a NOTIFY in the same transaction (delivered at commit) wakes every listening process.
import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";

/** What a change makes stale: a key (its secrets), an organization's settings, a slug's meaning, or
 * an organization's knowledge base (its articles and categories; ref = the organization id). */
export type Change = { kind: "key" | "org" | "slug" | "kb"; ref: string };

export const PG_CHANNEL = "keydesk_changes";

export async function recordChanges(tx: Tx, changes: Change[]) {
  if (changes.length === 0) return;
  await tx.cacheChange.createMany({ data: changes.map((c) => ({ kind: c.kind, ref: c.ref })) });
  if (env.provider === "postgresql") await tx.$executeRawUnsafe(`SELECT pg_notify('${PG_CHANNEL}', '')`);
}

export const recordChange = (tx: Tx, kind: Change["kind"], ref: string) => recordChanges(tx, [{ kind, ref }]);
