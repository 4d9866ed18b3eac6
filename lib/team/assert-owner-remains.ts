// The rule every membership change checks inside its transaction: an organization keeps an owner.
import type { Tx } from "@/lib/db";
import { ApiError } from "@/lib/http/problem";

/**
 * An organization always keeps at least one owner. Call after the change, inside the transaction
 * that made it and after lockOrg(): throwing rolls the change back.
 */
export async function assertOwnerRemains(tx: Tx, organizationId: string): Promise<void> {
  const owners = await tx.membership.count({ where: { organizationId, role: "owner" } });
  if (owners === 0) {
    throw new ApiError("conflict", "An organization must keep at least one owner: make another member an owner first.", { reason: "last_owner" });
  }
}
