// The delivery log of one endpoint, newest first: event, status, attempts, last response; each row
// expands to its attempts (status, duration, response excerpt) and the payload; "Resend" on any.
import { resendDeliveryAction } from "@/lib/actions/webhook-actions";
import type { SerializedDelivery } from "@/lib/webhooks/serialize-webhook";
import { EmptyState } from "@/components/ui/empty-state";
import { formatDateTime, relativeTime, Time } from "@/components/ui/time";
import { DeliveryStatusBadge, statusCodeTone } from "@/components/webhooks/webhook-badges";
import { DeliveryRow } from "@/components/webhooks/delivery-row";
import { ActionButton } from "@/components/ui/action-button";
import { HeaderCell, TableHead } from "@/components/ui/table";

const ms = (n: number) => (n >= 1000 ? `${(n / 1000).toFixed(1)} s` : `${n} ms`);

/** "retry in 9 s" for the first backoffs (relativeTime says "just now" under a minute), else "in 5 minutes". */
function RetryAt({ at }: { at: string }) {
  const secs = Math.round((new Date(at).getTime() - Date.now()) / 1000);
  const text = secs <= 0 ? "retrying now" : secs < 60 ? `retry in ${secs} s` : `retry ${relativeTime(at)}`;
  return <time dateTime={at} title={formatDateTime(at)}>{text}</time>;
}

function Attempts({ d }: { d: SerializedDelivery }) {
  if (d.attempt_log.length === 0) {
    return <p className="text-sm text-slate-500">Not attempted yet{d.next_attempt_at ? <> · <RetryAt at={d.next_attempt_at} /></> : null}.</p>;
  }
  return (
    <ol className="space-y-2" aria-label="Attempts">
      {d.attempt_log.map((a, i) => (
        <li key={a.id} className="rounded-md bg-white p-3 ring-1 ring-slate-200" data-testid="attempt">
          <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-[13px]">
            <span className="font-medium text-slate-900">Attempt {i + 1}</span>
            <span className={`font-mono ${statusCodeTone(a.status_code)}`}>{a.status_code !== null ? `HTTP ${a.status_code}` : "No response"}</span>
            <span className="text-slate-500">{ms(a.duration_ms)}</span>
            <span className="text-slate-500"><Time value={a.at} /></span>
          </div>
          {a.error ? <p className="mt-1.5 text-[13px] text-red-700">{a.error}</p> : null}
          {a.response_excerpt ? (
            <pre className="mt-2 max-h-40 overflow-auto rounded bg-slate-50 p-2 font-mono text-xs whitespace-pre-wrap text-slate-700 ring-1 ring-slate-200" aria-label="Response excerpt">{a.response_excerpt}</pre>
          ) : (
            <p className="mt-1 text-xs text-slate-400">Empty response body</p>
          )}
        </li>
      ))}
    </ol>
  );
}

export function DeliveryLog({ webhookId, deliveries, status }: { webhookId: string; deliveries: SerializedDelivery[]; status?: string }) {
  if (deliveries.length === 0) {
    return status ? (
      <EmptyState title={`No ${status} deliveries`} description="Deliveries with this status appear here." />
    ) : (
      <EmptyState title="No deliveries yet" description="Deliveries appear here when a subscribed event happens. Send a test event to try your endpoint." />
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full min-w-[760px] text-sm" data-testid="delivery-log">
        <TableHead>
          <HeaderCell narrow srOnly>Details</HeaderCell>
          <HeaderCell>Event</HeaderCell>
          <HeaderCell>Status</HeaderCell>
          <HeaderCell align="right">Attempts</HeaderCell>
          <HeaderCell>Last response</HeaderCell>
          <HeaderCell align="right">Duration</HeaderCell>
          <HeaderCell>Created</HeaderCell>
          <HeaderCell edge srOnly>Actions</HeaderCell>
        </TableHead>
        <tbody className="divide-y divide-slate-100">
          {deliveries.map((d) => {
            const last = d.attempt_log.at(-1);
            return (
              <DeliveryRow
                key={d.id}
                id={d.id}
                label={`${d.event_type} ${d.event_id}`}
                cells={
                  <>
                    <td className="px-3 py-2.5">
                      <span className="block font-mono text-[13px] text-slate-900">{d.event_type}</span>
                      <span className="block font-mono text-[11px] text-slate-400">{d.event_id}</span>
                    </td>
                    <td className="px-3 py-2.5">
                      <DeliveryStatusBadge status={d.status} />
                      {d.status === "pending" && d.attempts > 0 && d.next_attempt_at ? (
                        <span className="mt-0.5 block text-[11px] text-slate-500"><RetryAt at={d.next_attempt_at} /></span>
                      ) : null}
                    </td>
                    <td className="px-3 py-2.5 text-right text-slate-600 tabular-nums" data-testid="attempts">{d.attempt_log.length}</td>
                    <td className={`px-3 py-2.5 font-mono text-[13px] ${statusCodeTone(last?.status_code ?? null)}`} data-testid="last-status">
                      {last ? (last.status_code ?? "Error") : "—"}
                    </td>
                    <td className="px-3 py-2.5 text-right text-slate-600 tabular-nums">{last ? ms(last.duration_ms) : "—"}</td>
                    <td className="px-3 py-2.5 whitespace-nowrap text-slate-600"><Time value={d.created_at} relative /></td>
                  </>
                }
                actions={
                  <ActionButton
                    action={resendDeliveryAction}
                    fields={{ webhookId, deliveryId: d.id }}
                    label="Resend"
                    pendingLabel="Resending…"
                    size="sm"
                    ariaLabel={`Resend ${d.event_type} ${d.event_id}`}
                  />
                }
                details={
                  <div className="grid gap-4 lg:grid-cols-2">
                    <div>
                      <h4 className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">Attempts</h4>
                      <Attempts d={d} />
                    </div>
                    <div>
                      <h4 className="mb-2 text-xs font-medium tracking-wide text-slate-500 uppercase">Payload</h4>
                      <pre className="max-h-80 overflow-auto rounded-md bg-white p-3 font-mono text-xs break-all whitespace-pre-wrap text-slate-700 ring-1 ring-slate-200" aria-label="Payload">{JSON.stringify(d.payload, null, 2)}</pre>
                    </div>
                  </div>
                }
              />
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
