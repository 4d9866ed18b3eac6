import type { PartnerLevel } from "@/lib/partners/partner-levels";

/** What each level lets a partner's keys do, in words (the permissions are in LEVEL_PERMISSIONS). */
export const LEVEL_TEXT: Record<PartnerLevel, string> = {
  read: "Read articles, categories and approvals.",
  write: "Submit and decide approvals. No access to the knowledge base.",
  read_write: "Read and change articles, categories and approvals.",
};
