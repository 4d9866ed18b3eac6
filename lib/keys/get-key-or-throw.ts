import "server-only";
import { db, type Tx } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";
import { keyInclude, type KeyWithSecrets } from "@/lib/keys/serialize-key";

/** A key of this organization (deleted ones too); another organization's id is a 404. */
export async function getKeyOrThrow(organizationId: string, id: string, client: Tx | typeof db = db): Promise<KeyWithSecrets> {
  const key = await client.apiKey.findFirst({ where: { id, organizationId }, include: keyInclude });
  if (!key) throw new ApiError("not_found", `No API key with id ${id}.`);
  return key;
}

/**
 * A check a caller adds to a key service, run inside its transaction on the key it loaded (e.g. a
 * key managing keys may only touch keys within its own permissions): no second read, no gap.
 */
export type KeyGuard = (key: KeyWithSecrets) => void;
