import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireAdmin } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/problem";
import { WEBHOOK_EVENT_DESCRIPTIONS, WEBHOOK_EVENT_TYPES, type WebhookEventType } from "@/lib/webhooks/event-types";
import { getWebhook } from "@/lib/webhooks/get-webhook";
import { countDueSoon, listWebhookDeliveries } from "@/lib/webhooks/list-webhook-deliveries";
import { partnerNames } from "@/lib/partners/list-partners";
import { Badge } from "@/components/ui/badge";
import { Pager } from "@/components/ui/pager";
import { Card, CardHeader } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { cn } from "@/components/ui/cn";
import { Time } from "@/components/ui/time";
import { AutoRefresh } from "@/components/webhooks/auto-refresh";
import { DeleteWebhookDialog } from "@/components/webhooks/delete-webhook-dialog";
import { DeliveryLog } from "@/components/webhooks/delivery-log";
import { EditWebhookDialog } from "@/components/webhooks/edit-webhook-dialog";
import { RotateSecretDialog } from "@/components/webhooks/rotate-secret-dialog";
import { EndpointStatusBadge } from "@/components/webhooks/webhook-badges";
import { ActionButton } from "@/components/ui/action-button";
import { sendTestWebhookAction, setWebhookEnabledAction } from "@/lib/actions/webhook-actions";
import { SendTestButton } from "@/components/webhooks/send-test-button";
import { webhookPageQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export const metadata: Metadata = { title: "Webhook endpoint" };

const PER_PAGE = 20;
const EVENT_ORDER: readonly string[] = WEBHOOK_EVENT_TYPES;
const STATUSES = [
  { value: undefined, label: "All" },
  { value: "succeeded", label: "Succeeded" },
  { value: "failed", label: "Failed" },
  { value: "pending", label: "Pending" },
] as const;
type Search = { status?: string; page?: string };

// /settings/api/webhooks/{id} — one endpoint: details, edit, pause/resume, rotate, delete, test, delivery log.
export default async function WebhookPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const m = await requireAdmin();
  const org = m.organization;
  const { id } = await params;
  const { status, page } = parsePageQuery(webhookPageQuerySchema, await searchParams);
  const sp: Search = { status, page: page > 1 ? String(page) : undefined };

  let w;
  try {
    w = await getWebhook(org.id, id);
  } catch (e) {
    if (e instanceof ApiError && e.code === "not_found") notFound();
    throw e;
  }
  const [log, partners, dueSoon] = await Promise.all([listWebhookDeliveries(org.id, id, { page, perPage: PER_PAGE, status }), partnerNames(org.id, [w.partner_id]), countDueSoon(id)]);
  const partner = w.partner_id ? partners.get(w.partner_id) : undefined;
  const pages = Math.max(1, Math.ceil(log.total / PER_PAGE));
  const href = (patch: Partial<Search>) => {
    const next = new URLSearchParams(Object.entries({ ...sp, ...patch }).filter(([, v]) => v) as [string, string][]);
    const s = next.toString();
    return s ? `?${s}` : `/settings/api/webhooks/${id}`;
  };

  return (
    <div className="space-y-6">
      <AutoRefresh active={dueSoon > 0} />
      <div>
        <Link href="/settings/api/webhooks" className="text-sm text-slate-500 hover:text-slate-700">← Webhooks</Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 className="font-mono text-base font-semibold break-all text-slate-900" data-testid="webhook-url">{w.url}</h2>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
              <EndpointStatusBadge enabled={w.enabled} pausedReason={w.paused_reason} />
              {w.description ? <span>{w.description}</span> : null}
            </div>
          </div>
          <div className="flex flex-wrap items-start gap-2">
            <SendTestButton action={sendTestWebhookAction} webhookId={w.id} disabled={!w.enabled} describedBy={w.enabled ? undefined : "paused-note"} />
            <EditWebhookDialog webhook={{ id: w.id, url: w.url, description: w.description, events: w.events }} />
            <ActionButton
              size="md"
              action={setWebhookEnabledAction}
              fields={{ webhookId: w.id, enabled: w.enabled ? "false" : "true" }}
              label={w.enabled ? "Pause" : "Resume"}
              pendingLabel={w.enabled ? "Pausing…" : "Resuming…"}
            />
            <RotateSecretDialog webhookId={w.id} overlapUntil={w.previous_secret_expires_at} />
            <DeleteWebhookDialog webhookId={w.id} url={w.url} />
          </div>
        </div>
        {!w.enabled ? (
          <p id="paused-note" role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
            Paused{w.paused_reason ? `: ${w.paused_reason}` : ""}. No events are queued for this endpoint while it is paused. Resume it to receive events again; deliveries already waiting then go out in order.
          </p>
        ) : w.failing_since ? (
          <p role="status" className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-inset ring-amber-600/20">
            Deliveries to this endpoint have been failing since <Time value={w.failing_since} />. Keydesk keeps retrying; if nothing succeeds for 3 days, the endpoint is paused and the owners are emailed.
          </p>
        ) : null}
      </div>

      <Card>
        <CardHeader title="Details" />
        <DescriptionList labelWidth="quarter">
          <DescriptionItem label="Events">
            <ul className="flex flex-wrap gap-1" aria-label="Subscribed events">
              {[...w.events].sort((a, b) => EVENT_ORDER.indexOf(a) - EVENT_ORDER.indexOf(b)).map((e) => (
                <li key={e}><Badge title={WEBHOOK_EVENT_DESCRIPTIONS[e as WebhookEventType]} className="font-mono">{e}</Badge></li>
              ))}
            </ul>
          </DescriptionItem>
          <DescriptionItem label="Partner">
            {partner ? <Link href={`/settings/api/partners/${partner.id}`} className="text-brand-600 hover:underline">{partner.name}</Link> : <span className="text-slate-500">None: events of the whole organization</span>}
          </DescriptionItem>
          <DescriptionItem label="Signing secret">
            <span className="font-mono text-xs text-slate-500">whsec_••••••••</span>
            <span className="ml-2 text-slate-500">Shown only when created or rotated.</span>
            {w.previous_secret_expires_at ? (
              <span className="mt-1 block text-[13px] text-amber-800" data-testid="secret-overlap">
                The previous secret also signs until <Time value={w.previous_secret_expires_at} />.
              </span>
            ) : null}
          </DescriptionItem>
          <DescriptionItem label="Created"><Time value={w.created_at} /></DescriptionItem>
          <DescriptionItem label="Endpoint ID"><span className="font-mono text-xs">{w.id}</span></DescriptionItem>
        </DescriptionList>
      </Card>

      <Card>
        <CardHeader title="Delivery log" description="Newest first. Each delivery is retried with backoff for about a day; open one to see its attempts and payload." />
        <div className="flex gap-4 border-b border-slate-200 px-5 text-sm" role="tablist" aria-label="Delivery status">
          {STATUSES.map((s) => (
            <Link
              key={s.label}
              role="tab"
              aria-selected={status === s.value}
              href={href({ status: s.value, page: undefined })}
              className={cn("-mb-px border-b-2 py-2.5 font-medium", status === s.value ? "border-brand-600 text-brand-700" : "border-transparent text-slate-500 hover:text-slate-700")}
            >
              {s.label}
            </Link>
          ))}
        </div>
        <DeliveryLog webhookId={w.id} deliveries={log.data} status={status} />
        <Pager total={log.total} noun="delivery" plural="deliveries" page={page} pages={pages} hrefFor={(n) => href({ page: String(n) })} />
      </Card>
    </div>
  );
}
