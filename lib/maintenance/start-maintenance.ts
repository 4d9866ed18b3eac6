// Hourly housekeeping inside the server process: what the 30-day restore window promised to purge.
import { log } from "@/lib/log";
import { purgeDeletedKeys } from "@/lib/keys/delete-key";
import { purgeDeletedPartners } from "@/lib/partners/delete-partner";
import { repeat } from "@/lib/server/repeat";

export async function runMaintenance(now = Date.now()) {
  const partners = await purgeDeletedPartners(now);
  const keys = await purgeDeletedKeys(now);
  if (partners || keys) log.info({ partners, keys }, "purged objects deleted more than 30 days ago");
  return { partners, keys };
}

export function startMaintenance(intervalMs = 3600_000) {
  return repeat("maintenance", () => runMaintenance(), { firstMs: 30_000, everyMs: intervalMs });
}
