import { z } from "zod";

/**
 * ISO 8601 date-time with a zone (Z or offset), as the API speaks it. A day the calendar lacks is
 * refused, and so is a year outside 0001–9999 (PostgreSQL has no year 0: "0000-01-01T00:00:00Z" was a 500).
 */
export const isoDateTime = z.iso.datetime({ offset: true }).transform((s, ctx) => {
  const d = new Date(s);
  if (Number.isNaN(d.getTime())) {
    ctx.issues.push({ code: "custom", message: "Not a real date and time", input: s });
    return z.NEVER;
  }
  if (d.getUTCFullYear() < 1 || d.getUTCFullYear() > 9999) {
    ctx.issues.push({ code: "custom", message: "Give a date between the years 0001 and 9999", input: s });
    return z.NEVER;
  }
  return d;
});

/** Object-level refines run even when a field failed (zod 4), so they must check what they got. */
export const isDate = (v: unknown): v is Date => v instanceof Date && !Number.isNaN(v.getTime());

export const paginationSchema = z.object({
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  per_page: z.coerce.number().int().min(1).max(100).default(25),
});

export const idSchema = z.string().min(1).max(64);

export function listEnvelope<T>(data: T[], page: number, perPage: number, total: number) {
  return { data, page, per_page: perPage, total };
}
