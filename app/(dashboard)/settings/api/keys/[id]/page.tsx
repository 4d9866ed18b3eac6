import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { env } from "@/lib/env";
import { hasRecentPasswordConfirmation } from "@/lib/auth/reauth";
import { requireAdmin } from "@/lib/auth/session";
import { getOrgSettings } from "@/lib/orgs/get-org-settings";
import { ApiError } from "@/lib/http/problem";
import { getKeyOrThrow } from "@/lib/keys/get-key-or-throw";
import { maskKey } from "@/lib/keys/key-format";
import { serializeKey } from "@/lib/keys/serialize-key";
import { peekRateLimit } from "@/lib/ratelimit/rate-limiter";
import { Badge } from "@/components/ui/badge";
import { Card, CardHeader } from "@/components/ui/card";
import { DescriptionItem, DescriptionList } from "@/components/ui/description-list";
import { EmptyState } from "@/components/ui/empty-state";
import { Time } from "@/components/ui/time";
import { AuditTable } from "@/components/audit/audit-table";
import { DeleteKeyDialog } from "@/components/keys/delete-key-dialog";
import { EditKeyDialog } from "@/components/keys/edit-key-dialog";
import { ActionButton } from "@/components/ui/action-button";
import { KeyStatus } from "@/components/keys/key-status";
import { RevealKeyDialog } from "@/components/keys/reveal-key-dialog";
import { RotateKeyDialog } from "@/components/keys/rotate-key-dialog";
import { UsageChart } from "@/components/keys/usage-chart";
import { listEventsAbout } from "@/lib/audit/audit-history";
import { keyUsageSeries } from "@/lib/usage/key-usage-series";
import { restoreKeyAction, setKeyPausedAction } from "@/lib/actions/key-actions";
import { RetireSecretDialog } from "@/components/keys/retire-secret-dialog";
import { keyPageQuerySchema, parsePageQuery } from "@/lib/validations/page-query";

export const metadata: Metadata = { title: "API key" };

export default async function KeyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const m = await requireAdmin();
  const { id } = await params;
  const sp = parsePageQuery(keyPageQuerySchema, await searchParams);
  const range = sp.range === "30d" ? 30 : 7;
  const by = range === 7 && sp.by === "hour" ? "hour" : "day";
  const org = m.organization;
  let row;
  try {
    row = await getKeyOrThrow(org.id, id);
  } catch (e) {
    if (e instanceof ApiError && e.code === "not_found") notFound();
    throw e;
  }
  const policy = await getOrgSettings(org.id);
  const k = serializeKey(row);
  const deleted = Boolean(k.deleted_at);
  const limit = k.rate_limit_per_hour ?? org.defaultRateLimitPerHour;
  const [events, usage, window, confirmed] = await Promise.all([
    listEventsAbout(org.id, k.id, 100),
    keyUsageSeries(org.id, k.id, range, by),
    peekRateLimit(k.id, limit),
    hasRecentPasswordConfirmation(m.user.id),
  ]);
  const showOnce = org.revealPolicy === "show_once";

  return (
    <div className="space-y-6">
      <div>
        <Link href="/settings/api" className="text-sm text-slate-500 hover:text-slate-700">← API keys</Link>
        <div className="mt-2 flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0">
            <h2 className="truncate text-lg font-semibold text-slate-900" data-testid="key-name">{k.name}</h2>
            <div className="mt-1 flex flex-wrap items-center gap-2 text-sm text-slate-500">
              <span className="font-mono text-xs">{k.start && k.end ? maskKey(k.start, k.end) : "no live secret"}</span>
              <KeyStatus k={k} maxLifetimeDays={policy.max_key_lifetime_days} />
            </div>
          </div>
          <div className="flex flex-wrap gap-2">
            {deleted ? (
              <ActionButton action={restoreKeyAction} fields={{ keyId: k.id }} label="Restore" pendingLabel="Restoring…" variant="primary" />
            ) : (
              <>
                <EditKeyDialog k={k} plan={org.plan} orgDefaultRateLimit={org.defaultRateLimitPerHour} maxLifetimeDays={policy.max_key_lifetime_days} />
                {k.canary ? null : (
                  <ActionButton
                    action={setKeyPausedAction}
                    fields={{ keyId: k.id, paused: String(!k.disabled) }}
                    label={k.disabled ? "Resume" : "Pause"}
                    pendingLabel={k.disabled ? "Resuming…" : "Pausing…"}
                    variant={k.disabled ? "primary" : "secondary"}
                    ariaLabel={k.disabled ? "Resume this key" : "Pause this key"}
                  />
                )}
                {showOnce ? null : <RevealKeyDialog keyId={k.id} keyName={k.name} needsPassword={!confirmed} />}
                <RotateKeyDialog keyId={k.id} liveSecrets={k.secrets.length} apiOrigin={env.authUrl} showOnce={showOnce} needsPassword={!confirmed} />
              </>
            )}
          </div>
        </div>
        {showOnce && !deleted ? (
          <p className="mt-3 text-sm text-slate-500">Secrets cannot be viewed again: this organization’s reveal policy is “show once”, so only their hashes are kept.</p>
        ) : null}
        {k.leaked_at && !deleted && !k.secrets.some((s) => new Date(s.created_at) > new Date(k.leaked_at!)) ? (
          <div role="alert" aria-label="Leaked key" className="mt-3 flex flex-wrap items-center justify-between gap-3 rounded-md bg-red-50 px-4 py-3 text-sm text-red-800 ring-1 ring-inset ring-red-600/20">
            <p>
              <strong>A secret of this key was found in public</strong> <Time value={k.leaked_at} relative />
              {k.leaked_url ? <> at <span className="font-mono text-xs break-all">{k.leaked_url}</span></> : null}.{" "}
              {k.secrets.some((s) => s.leaked_at) ? "Your organization notifies only, so that secret still works: rotate now." : "That secret was revoked. Rotate to give your servers a new one."}
            </p>
            <RotateKeyDialog keyId={k.id} liveSecrets={k.secrets.length} apiOrigin={env.authUrl} showOnce={showOnce} needsPassword={!confirmed} triggerLabel="Rotate now" urgent />
          </div>
        ) : null}
        {k.disabled && !deleted ? (
          <p className="mt-3 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">This key is paused: requests with it get 401 <code className="font-mono text-xs">disabled_api_key</code> and count no usage until you resume it.</p>
        ) : null}
        {k.canary ? (
          <p className="mt-3 rounded-md bg-blue-50 px-3 py-2 text-sm text-blue-900">This is a decoy key. It never works: every use is refused as an unknown key and alerts owners and admins. Reveal it to plant it where a thief would look.</p>
        ) : null}
        {deleted ? (
          <p className="mt-3 rounded-md bg-slate-100 px-3 py-2 text-sm text-slate-700">
            This key was deleted <Time value={k.deleted_at} relative /> and does not work. Restore it within 30 days of deletion to bring it back with its unexpired secrets.
          </p>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader title="Details" />
          <DescriptionList>
            <DescriptionItem label="Permissions">
              <span className="flex flex-wrap gap-1">
                {k.preset ? <Badge tone="blue" className="capitalize">{k.preset}</Badge> : null}
                {k.permissions.map((p) => <Badge key={p}>{p}</Badge>)}
              </span>
            </DescriptionItem>
            <DescriptionItem label="Created"><Time value={k.created_at} /> by {k.created_by.label}</DescriptionItem>
            <DescriptionItem label="Last used">{k.last_used_at ? <Time value={k.last_used_at} relative /> : "Never"}</DescriptionItem>
            <DescriptionItem label="Expires">{k.expires_at ? <Time value={k.expires_at} /> : "Never"}</DescriptionItem>
            <DescriptionItem label="Allowed IPs">
              {k.allowed_ips.length ? <span className="font-mono text-xs">{k.allowed_ips.join(", ")}</span> : "Any address"}
            </DescriptionItem>
            <DescriptionItem label="Rate limit">
              {limit.toLocaleString("en")} requests / hour {k.rate_limit_per_hour === null ? <span className="text-slate-500">(organization default)</span> : null}
            </DescriptionItem>
            <DescriptionItem label="Current window">
              <span data-testid="rate-window">{window.remaining.toLocaleString("en")} of {limit.toLocaleString("en")} left · resets in {Math.ceil(window.resetSeconds / 60)} min</span>
            </DescriptionItem>
          </DescriptionList>
        </Card>

        <Card>
          <CardHeader title="Secrets" description={k.secrets.length > 1 ? "Two secrets are live. Watch the old one go quiet, then retire it." : "The live secret of this key."} />
          {k.secrets.length === 0 ? (
            <EmptyState title="No live secret" description="Every secret of this key has expired or was retired. Rotate to create a new one." />
          ) : (
            <ul className="divide-y divide-slate-100" aria-label="Live secrets">
              {k.secrets.map((s, i) => (
                <li key={s.id} className="flex items-start justify-between gap-3 px-5 py-3" data-testid="secret-row">
                  <div className="min-w-0 text-sm">
                    <p className="font-mono text-xs text-slate-900">
                      {maskKey(s.start, s.end)} {k.secrets.length > 1 ? <Badge tone={i === k.secrets.length - 1 ? "green" : "yellow"} className="ml-1">{i === k.secrets.length - 1 ? "New" : "Old"}</Badge> : null}
                    </p>
                    <p className="mt-1 text-xs text-slate-500">
                      Created <Time value={s.created_at} relative /> · last used {s.last_used_at ? <Time value={s.last_used_at} relative /> : "never"}
                      {s.last_used_ip ? ` from ${s.last_used_ip.replace(/^::ffff:/, "")}` : ""}
                      {s.retire_when_idle_hours ? (
                        <span data-testid="retire-when-idle">
                          {" "}· retires after {s.retire_when_idle_hours} h without traffic — last used {s.last_used_at ? <Time value={s.last_used_at} relative /> : "never"}, at the latest <Time value={s.expires_at} relative />
                        </span>
                      ) : s.expires_at ? <> · stops <Time value={s.expires_at} relative /></> : null}
                    </p>
                  </div>
                  {k.secrets.length > 1 && i < k.secrets.length - 1 && !deleted ? (
                    <RetireSecretDialog keyId={k.id} secretId={s.id} masked={maskKey(s.start, s.end)} lastUsedAt={s.last_used_at} lastUsedIp={s.last_used_ip} />
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>

      <Card>
        <CardHeader
          title="Usage"
          description={`${usage.total.toLocaleString("en")} requests in the last ${range} days, by ${by} (UTC).`}
          actions={
            <span className="inline-flex rounded-md bg-slate-100 p-0.5 text-xs">
              {([["7d", "hour", "7 days, hourly"], ["7d", "day", "7 days"], ["30d", "day", "30 days"]] as const).map(([r, b, label]) => {
                const active = `${range}d` === r && by === b;
                return (
                  <Link key={label} href={`?range=${r}${b === "hour" ? "&by=hour" : ""}`} aria-current={active ? "true" : undefined} className={`rounded px-2.5 py-1 font-medium ${active ? "bg-white text-slate-900 shadow-sm" : "text-slate-500"}`}>
                    {label}
                  </Link>
                );
              })}
            </span>
          }
        />
        {usage.total === 0 ? (
          <EmptyState title="No requests yet" description={`This key made no request in the last ${range} days. Calls with it show here within seconds.`} />
        ) : (
          <div className="px-3 py-4">
            <UsageChart data={usage.points} />
          </div>
        )}
      </Card>

      <Card>
        <CardHeader title="History" description="Everything that happened to this key, newest first." />
        {events.length ? <AuditTable events={events} linkKeys={false} /> : <EmptyState title="No events" />}
      </Card>
      {deleted ? null : (
        <Card className="ring-red-200" aria-labelledby="danger-zone">
          <div className="flex flex-wrap items-center justify-between gap-3 px-5 py-4">
            <div className="min-w-0">
              <h2 id="danger-zone" className="text-[15px] font-semibold text-red-700">Danger zone</h2>
              <p className="mt-0.5 text-sm text-slate-600">Deleting stops the key at once. It can be restored from Recently deleted for 30 days.</p>
            </div>
            <DeleteKeyDialog keyId={k.id} keyName={k.name} />
          </div>
        </Card>
      )}
    </div>
  );
}
