// Row locks for read-then-write key changes, so two requests cannot both decide on the same stale
// read (two rotations leaving three live secrets; a key created with a ciphertext while the reveal
// policy turns to show_once). Call first thing inside the transaction.
import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/problem";

/**
 * PostgreSQL: the key's row FOR UPDATE (a second rotation waits, then reads the first one's secrets).
 * SQLite: a no-op write takes the database write lock at once, so the whole transaction is serialized.
 */
export async function lockKey(tx: Tx, organizationId: string, id: string): Promise<void> {
  const n =
    env.provider === "postgresql"
      ? (await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "ApiKey" WHERE "id" = ${id} AND "organizationId" = ${organizationId} FOR UPDATE`).length
      : await tx.$executeRaw`UPDATE "ApiKey" SET "name" = "name" WHERE "id" = ${id} AND "organizationId" = ${organizationId}`;
  if (n === 0) throw new ApiError("not_found", `No API key with id ${id}.`);
}

/**
 * The organization as key writes must see it (plan, reveal policy), read inside the transaction and
 * held until it commits: FOR SHARE on PostgreSQL (key writes run side by side, a settings change,
 * which locks the row FOR UPDATE, waits for them and they for it); the write lock on SQLite.
 */
export async function orgForKeyWrite(tx: Tx, organizationId: string) {
  const n =
    env.provider === "postgresql"
      ? (await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR SHARE`).length
      : await tx.$executeRaw`UPDATE "Organization" SET "slug" = "slug" WHERE "id" = ${organizationId}`;
  if (n === 0) throw new ApiError("not_found", "No such organization.");
  return tx.organization.findUniqueOrThrow({ where: { id: organizationId } });
}
