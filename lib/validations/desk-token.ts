import { z } from "zod";

export const mintDeskTokenSchema = z.strictObject({
  name: z.string().trim().max(100).optional(),
  expires_in_hours: z.number().positive().max(24, "A desk token lives at most 24 hours").default(8),
});
