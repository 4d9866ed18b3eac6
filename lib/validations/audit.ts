import { z } from "zod";
import { isoDateTime } from "@/lib/validations/common";

export const MAX_AUDIT_PAGE = 500;

export const listAuditEventsQuerySchema = z.object({
  action: z.string().trim().min(1).max(100).optional().meta({ description: "Exact action, e.g. key.rotated" }),
  actor: z.string().trim().min(1).max(200).optional().meta({ description: "The actor's id, or part of its label (case-insensitive)" }),
  key_id: z.string().min(1).max(64).optional().meta({ description: "Events about this key" }),
  since: isoDateTime.optional().meta({ description: "Events at or after this time" }),
  until: isoDateTime.optional().meta({ description: "Events before this time" }),
  cursor: z.string().max(200).optional().meta({ description: "next_cursor of the previous page (opaque)" }),
  limit: z.coerce.number().int().min(1).max(MAX_AUDIT_PAGE).default(100),
  order: z.enum(["desc", "asc"]).default("desc").meta({ description: "desc: newest first; asc: oldest first, for tailing" }),
});

export type ListAuditEventsQuery = z.infer<typeof listAuditEventsQuerySchema>;
