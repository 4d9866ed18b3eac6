import { z } from "zod";

/** ISO 8601 date-time with a zone (Z or offset), as the API speaks it. */
export const isoDateTime = z.iso.datetime({ offset: true }).transform((s) => new Date(s));

export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
});

export const idSchema = z.string().min(1).max(64);

export function listEnvelope<T>(data: T[], page: number, perPage: number, total: number) {
  return { data, page, per_page: perPage, total };
}
