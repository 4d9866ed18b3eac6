import { Badge } from "@/components/ui/badge";

/** Enabled, or Paused with why (by hand, or automatically after failing for days). */
export function EndpointStatusBadge({ enabled, pausedReason }: { enabled: boolean; pausedReason: string | null }) {
  if (enabled) return <Badge tone="green">Enabled</Badge>;
  return <Badge tone="yellow" title={pausedReason ?? undefined}>Paused</Badge>;
}

export function DeliveryStatusBadge({ status }: { status: string }) {
  if (status === "succeeded") return <Badge tone="green">Succeeded</Badge>;
  if (status === "failed") return <Badge tone="red">Failed</Badge>;
  return <Badge tone="gray">Pending</Badge>;
}

export function statusCodeTone(code: number | null): string {
  if (code === null) return "text-slate-400";
  return code >= 200 && code < 300 ? "text-emerald-700" : "text-red-700";
}
