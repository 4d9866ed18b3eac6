import { z } from "zod";
import { isDate, isoDateTime } from "@/lib/validations/common";

export const usageQuerySchema = z
  .object({
    key_id: z.string().min(1).max(64).optional(),
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
  })
  .refine((q) => !isDate(q.from) || !isDate(q.to) || q.from < q.to, { message: "from must be before to", path: ["from"] })
  .refine((q) => !isDate(q.from) || !isDate(q.to) || q.to.getTime() - q.from.getTime() <= 366 * 24 * 3600_000, { message: "At most one year at a time", path: ["to"] });
