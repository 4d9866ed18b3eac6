// Every article and category write goes through here: the change and its "kb" feed row commit
// together, and after the commit this process forgets the organization's cached reads at once (the
// others within the feed's interval; lib/kb/kb-cache.ts).
import "server-only";
import { db, type Tx } from "@/lib/db";
import { announceChanges } from "@/lib/changes/announce-changes";
import { recordChange } from "@/lib/changes/record-change";

export async function kbTransaction<T>(organizationId: string, write: (tx: Tx) => Promise<T>): Promise<T> {
  const result = await db.$transaction(async (tx) => {
    const r = await write(tx);
    await recordChange(tx, "kb", organizationId);
    return r;
  });
  announceChanges([{ kind: "kb", ref: organizationId }]);
  return result;
}
