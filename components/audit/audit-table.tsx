import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Time } from "@/components/ui/time";
import { HeaderCell, TableHead } from "@/components/ui/table";
import { auditActionLabel, describeAuditEvent } from "@/lib/audit/audit-actions";

export type AuditRow = {
  id: string;
  action: string;
  actorType: string;
  actorLabel: string;
  targetType: string;
  targetId: string | null;
  ip: string | null;
  userAgent: string | null;
  metadata: unknown;
  createdAt: Date;
};

export function AuditTable({ events, linkKeys = true }: { events: AuditRow[]; linkKeys?: boolean }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" data-testid="audit-table">
        <TableHead>
          <HeaderCell edge>When</HeaderCell>
          <HeaderCell>Action</HeaderCell>
          <HeaderCell>Actor</HeaderCell>
          <HeaderCell>IP</HeaderCell>
          <HeaderCell edge>Details</HeaderCell>
        </TableHead>
        <tbody className="divide-y divide-slate-100">
          {events.map((e) => (
            <tr key={e.id}>
              <td className="px-5 py-3 whitespace-nowrap text-slate-600"><Time value={e.createdAt} /></td>
              <td className="px-3 py-3 font-medium whitespace-nowrap text-slate-900">{auditActionLabel(e.action)}</td>
              <td className="px-3 py-3 text-slate-700">
                {e.actorLabel}
                {e.actorType !== "user" ? <Badge tone="gray" className="ml-1.5">{e.actorType}</Badge> : null}
              </td>
              <td className="px-3 py-3 font-mono text-xs text-slate-600">{e.ip ?? "—"}</td>
              <td className="px-5 py-3 text-slate-600">
                {describeAuditEvent(e.action, e.metadata) ?? ""}
                {linkKeys && e.targetType === "key" && e.targetId ? (
                  <Link href={`/settings/api/keys/${e.targetId}`} className="ml-2 text-brand-600 hover:underline">View key</Link>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
