import { z } from "zod";

export const mintDeskTokenSchema = z.strictObject({
  name: z.string().trim().max(100, "The name is at most 100 characters").optional(),
  expires_in_hours: z.number({ error: "Choose how long the token lives" }).positive("Choose how long the token lives").max(24, "A desk token lives at most 24 hours").default(8),
});
