import { z } from "zod";
import { paginationSchema } from "@/lib/validations/common";

export const createApprovalSchema = z.strictObject({
  title: z.string().trim().min(1, "Title cannot be empty").max(200),
  description: z.string().max(10_000).default(""),
  requester_email: z.email().max(320).nullable().optional(),
});

export const updateApprovalStatusSchema = z.strictObject({
  id: z.string().min(1).max(64),
  status: z.enum(["approved", "rejected"]),
  comment: z.string().max(5000).nullable().optional(),
});

export const listApprovalsQuerySchema = paginationSchema;

export type CreateApprovalInput = z.infer<typeof createApprovalSchema>;
export type UpdateApprovalStatusInput = z.infer<typeof updateApprovalStatusSchema>;
