// Serializes changes to one organization, so rules that span rows ("at least one owner") hold under
// concurrency. Call first thing inside the transaction. On SQLite it also makes the transaction a
// writer from its first statement: a transaction that reads and then writes gets SQLITE_BUSY at once
// (no waiting) when another process committed in between, which Prisma reports as a timeout.
import "server-only";
import type { Tx } from "@/lib/db";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/problem";

export async function lockOrg(tx: Tx, organizationId: string): Promise<void> {
  // PostgreSQL: a row lock that concurrent transactions wait for (READ COMMITTED then sees their
  // committed changes). SQLite: a no-op write takes the database write lock at once, so a second
  // writer waits on busy_timeout instead of deciding on a stale snapshot.
  const n =
    env.provider === "postgresql"
      ? (await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "Organization" WHERE "id" = ${organizationId} FOR UPDATE`).length
      : await tx.$executeRaw`UPDATE "Organization" SET "slug" = "slug" WHERE "id" = ${organizationId}`;
  if (n === 0) throw new ApiError("not_found", "No such organization.");
}

/** Prisma's unique-constraint violation, whichever client threw it. */
export function isUniqueViolation(e: unknown): boolean {
  return typeof e === "object" && e !== null && (e as { code?: unknown }).code === "P2002";
}
