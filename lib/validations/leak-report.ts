import { z } from "zod";

export const leakReportSchema = z.strictObject({
  key: z.string().min(1).max(200).meta({ description: "The key as found", example: "kd_..." }),
  url: z.string().max(2000).optional().meta({ description: "Where it was found" }),
  source: z.string().max(200).optional().meta({ description: "What kind of place (a repository, a paste site, ...)" }),
});
