// Dashboard pages' query strings. Parsing is total: whatever a URL carries (repeats, `1e30`,
// `constructor`, `2024-13-45`) gives a value or the default, never a throw or a query the database refuses.
import { z } from "zod";
import { DEFAULT_KEY_SORT, KEY_SORT_NAMES } from "@/lib/keys/key-sorts";
import { permissionSchema, presetSchema } from "@/lib/keys/permissions";

type Raw = Record<string, string | string[] | undefined>;

// Next hands a repeated parameter over as an array: the first one counts.
const first = (v: unknown) => (Array.isArray(v) ? v[0] : v);

/** A page number from 1 to 100,000; anything else is page 1. */
export const pageParam = z.preprocess(first, z.coerce.number().int().min(1).max(100_000)).catch(1);

/** Free text, trimmed and cut to `max` characters; empty is absent. NUL goes (PostgreSQL refuses it in text). */
const text = (max: number) =>
  z
    .preprocess(first, z.string().optional())
    .transform((s) => s?.replace(/\0/g, "").trim().slice(0, max) || undefined)
    .catch(undefined);

/** One of `values`, else `fallback`. Own keys only: `constructor` is not a sort. */
const oneOf = <const T extends string, F extends T | undefined>(values: readonly T[], fallback: F) =>
  z.preprocess(first, z.string()).pipe(z.custom<T>((v) => values.includes(v as T))).catch(fallback as T) as unknown as z.ZodType<T | F>;

/** A calendar day (YYYY-MM-DD) that exists and that a database timestamp holds. */
const calendarDay = z.preprocess(first, z.iso.date().refine((s) => s >= "1970-01-01" && s <= "9999-12-30"));


// /settings/api
export const keysPageQuerySchema = z.object({
  status: oneOf(["active", "expiring", "deleted", "decoys"], "active"),
  sort: oneOf(KEY_SORT_NAMES, DEFAULT_KEY_SORT),
  page: pageParam,
  q: text(100),
  perm: oneOf([...presetSchema.options, "custom" as const], undefined),
  holds: z.preprocess(first, permissionSchema).optional().catch(undefined),
  deleted: text(64),
});

// /settings/api/partners
export const partnersPageQuerySchema = z.object({ status: oneOf(["active", "deleted"], "active"), page: pageParam, deleted: text(64) });

// /settings/api/webhooks
export const webhooksPageQuerySchema = z.object({ page: pageParam, deleted: text(64) });

// /settings/api/webhooks/{id}
export const webhookPageQuerySchema = z.object({ status: oneOf(["succeeded", "failed", "pending"], undefined), page: pageParam });

// /settings/api/keys/{id}
export const keyPageQuerySchema = z.object({ range: oneOf(["7d", "30d"], "7d"), by: oneOf(["day", "hour"], "day") });

// /approvals
export const approvalsPageQuerySchema = z.object({ page: pageParam, status: oneOf(["pending", "decided"] as const, "pending") });

// /settings/api/history and its CSV export: impossible days are dropped and named in `ignored`.
export const historyQuerySchema = z
  .object({ actor: text(200), action: text(100), key: text(64), page: pageParam, from: z.unknown(), to: z.unknown() })
  .transform(({ from, to, ...rest }) => {
    const ignored: string[] = [];
    const day = (name: string, v: unknown) => {
      if (first(v) === undefined || first(v) === "") return undefined;
      const r = calendarDay.safeParse(v);
      if (!r.success) ignored.push(name);
      return r.data;
    };
    return { ...rest, from: day("from", from), to: day("to", to), ignored };
  });

/** Parse a page's search params with one of the schemas above; the defaults if anything is off. */
export function parsePageQuery<S extends z.ZodType>(schema: S, raw: Raw | undefined): z.infer<S> {
  const r = schema.safeParse(raw ?? {});
  return r.success ? r.data : schema.parse({});
}
