import { Badge } from "@/components/ui/badge";
import { LEVEL_LABELS, type PartnerLevel } from "@/lib/partners/partner-levels";

export function PartnerStatusBadge({ status }: { status: "invited" | "active" | "deleted" }) {
  if (status === "deleted") return <Badge tone="gray">Deleted</Badge>;
  return status === "active" ? <Badge tone="green">Active</Badge> : <Badge tone="yellow">Invited</Badge>;
}

export function LevelBadge({ level }: { level: PartnerLevel }) {
  return <Badge tone="blue">{LEVEL_LABELS[level]}</Badge>;
}
